// What the exposure-board API answers (诚信曝光台): the schemas the OpenAPI document is generated
// from, and the types the repository, the pages, the feed and the export are written against.
import { z } from 'zod'
import { publicRecordSchema } from '@web/server/lib/response-schemas'

export const exposureEntrySchema = publicRecordSchema.extend({
  id: z.string(),
  /** rule code of the scoring standard, e.g. BAD.PENALTY.MINOR */
  categoryCode: z.string(),
  description: z.string(),
  /** the subject's region: an enterprise's registered region, a person's employer's; null for a person without an employer */
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  project: z.object({ projectCode: z.string(), name: z.string() }).nullable(),
})

export type ExposureEntry = z.infer<typeof exposureEntrySchema>
/** an enterprise, or a person by name and portal id only, never the ID number or phone */
export type ExposureSubject = ExposureEntry['subject']
