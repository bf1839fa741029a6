// Response schemas of the credit-grade, scoring-standard and objection endpoints (what the
// repositories' DTOs look like on the wire). The conformance test checks real answers with them.

// the credit-grade schemas live with their feature (web/server/credit/credit-schemas.ts)
export { blacklistEntrySchema, creditGradeListItemSchema, creditSubjectSchema, recordRefSchema, subjectCreditSchema } from '@web/server/credit/credit-schemas'

// the objection schemas live with their feature (web/server/objections/objections-schemas.ts)
export { objectionSubmittedSchema, objectionViewSchema } from '@web/server/objections/objections-schemas'
