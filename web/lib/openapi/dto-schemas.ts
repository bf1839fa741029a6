// Response schemas of the public API (what the repositories' DTOs look like on the wire).
export { isoDateSchema, keysetPageSchema, pageSchema } from '@web/server/lib/response-schemas'
export { permitDetailSchema, permitListItemSchema } from '@web/server/permits/permits-schemas'
export { completionFilingDetailSchema, completionFilingListItemSchema } from '@web/server/completion-filings/completion-filings-schemas'
export { permitStatisticsSchema } from '@web/server/statistics/statistics-schemas'

/** The body of every error answer, with the one list of error codes (web/lib/api/api-error.ts). */
export { apiErrorSchema as errorSchema } from '@web/lib/api/api-error'

// ---------------------------------------------------------------- projects

export { projectDetailSchema, projectListItemSchema } from '@web/server/projects/projects-schemas'

// ---------------------------------------------------------------- enterprises and practitioners

export { enterpriseListItemSchema, enterpriseProfileSchema, enterpriseProjectSchema, enterpriseRegistrationSchema } from '@web/server/enterprises/enterprises-schemas'
export { practitionerListItemSchema, practitionerProfileSchema, practitionerProjectSchema } from '@web/server/practitioners/practitioners-schemas'
export { subjectRecordSchema } from '@web/server/subjects/subjects-schemas'

// ---------------------------------------------------------------- exposure board

export { exposureEntrySchema } from '@web/server/records/exposure-schemas'
