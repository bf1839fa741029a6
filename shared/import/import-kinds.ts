// Every kind of import file, by id (the order of IMPORT_KIND_IDS).
import type { ImportKindSpec } from './column-spec'
import { IMPORT_KIND_IDS, type ImportKindId } from './import-kind-ids'
import { COMPLETION_FILINGS, CONSTRUCTION_PERMITS, CONTRACT_FILINGS, DRAWING_REVIEWS, PROJECTS, SUPERVISION_FILINGS } from './project-kinds'
import { INTEGRITY_RECORDS } from './record-kinds'
import { ENTERPRISES, PRACTITIONERS, QUALIFICATIONS, REGISTRATIONS } from './subject-kinds'

export { IMPORT_KIND_IDS, importKindSchema, type ImportKindId } from './import-kind-ids'

export const IMPORT_KINDS: Readonly<Record<ImportKindId, ImportKindSpec>> = Object.freeze({
  enterprises: ENTERPRISES,
  qualifications: QUALIFICATIONS,
  practitioners: PRACTITIONERS,
  registrations: REGISTRATIONS,
  projects: PROJECTS,
  'contract-filings': CONTRACT_FILINGS,
  'drawing-reviews': DRAWING_REVIEWS,
  'supervision-filings': SUPERVISION_FILINGS,
  'construction-permits': CONSTRUCTION_PERMITS,
  'completion-filings': COMPLETION_FILINGS,
  'integrity-records': INTEGRITY_RECORDS,
})

/** The kinds in the order the import page lists them. */
export function importKindList(): readonly ImportKindSpec[] {
  return IMPORT_KIND_IDS.map((id) => IMPORT_KINDS[id])
}
