// Historical records arrive with what the platform would otherwise assign — a project its code, a
// permit its number and issue date, a completion filing its number and filing date — and keep them.
// A given number must read as the national layout the platform itself generates
// (shared/validators/codes.ts), agree with the project it belongs to (region, category) and with
// its own date, and be free; a given date must not lie in the future.
import { PROJECT_CATEGORY_LABELS, type CertificateType, type ProjectCategory } from '@shared/domain/enums'
import {
  completionFilingNumberSchema,
  parseCompletionFilingNumber,
  parsePermitNumber,
  parseProjectCode,
  permitNumberSchema,
  PROJECT_CATEGORY_CODES,
  projectCodeSchema,
} from '@shared/validators/codes'
import { InputError } from '@web/server/lib/errors'

/** A project's own code, checked for a project of `regionCode` registered today (`today`). Returns it normalised. */
export function checkGivenProjectCode(code: string, regionCode: string, today: string): string {
  const layout = projectCodeSchema.safeParse(code)
  if (!layout.success) throw new InputError({ projectCode: layout.error.issues[0].message })
  const parsed = parseProjectCode(layout.data)!
  if (parsed.regionCode !== regionCode) {
    throw new InputError({ projectCode: `项目编码前6位（${parsed.regionCode}）应为项目所在地区的行政区划码（${regionCode}）` })
  }
  const month = `${parsed.year}-${String(parsed.month).padStart(2, '0')}`
  if (month > today.slice(0, 7)) throw new InputError({ projectCode: `项目编码中的年月（${month}）晚于本月` })
  return layout.data
}

/** The form fields the errors about a permit's or a filing's number and date are reported on. */
const DATED = {
  CONSTRUCTION_PERMIT: { number: 'permitNumber', date: 'issuedOn', what: '施工许可证编号', day: '发证日期', schema: permitNumberSchema, parse: parsePermitNumber },
  COMPLETION_FILING: { number: 'filingNumber', date: 'filedOn', what: '竣工验收备案编号', day: '备案日期', schema: completionFilingNumberSchema, parse: parseCompletionFilingNumber },
} as const

/** A historical day of a permit or filing: not after today. */
export function checkGivenDay(type: CertificateType, day: string, today: string): void {
  const d = DATED[type]
  if (day > today) throw new InputError({ [d.date]: `${d.day}不能晚于今天` })
}

/**
 * A permit's or completion filing's own number for a project of this region and category: its
 * layout, its region and category, its date (the given day when there is one). Returns the number
 * normalised and its day. Whether it is free is the caller's question (it needs the database).
 */
export function checkGivenDatedNumber(
  type: CertificateType,
  given: { number: string; day?: string },
  project: { regionCode: string; category: ProjectCategory },
  today: string,
): { number: string; day: string } {
  const d = DATED[type]
  const layout = d.schema.safeParse(given.number)
  if (!layout.success) throw new InputError({ [d.number]: layout.error.issues[0].message })
  const parsed = d.parse(layout.data)!
  if (parsed.regionCode !== project.regionCode) {
    throw new InputError({ [d.number]: `${d.what}中的行政区划码（${parsed.regionCode}）与项目所在地区（${project.regionCode}）不一致` })
  }
  if (parsed.category !== project.category) {
    throw new InputError({
      [d.number]: `${d.what}末两位工程类别（${PROJECT_CATEGORY_CODES[parsed.category]} ${PROJECT_CATEGORY_LABELS[parsed.category]}）与项目的工程类别（${PROJECT_CATEGORY_LABELS[project.category]}）不一致`,
    })
  }
  if (given.day !== undefined && given.day !== parsed.date) throw new InputError({ [d.date]: `${d.day}应与${d.what}中的日期（${parsed.date}）一致` })
  checkGivenDay(type, parsed.date, today)
  return { number: layout.data, day: parsed.date }
}

/** The error for a given number another permit or filing holds. */
export function datedNumberTaken(type: CertificateType): InputError {
  const d = DATED[type]
  return new InputError({ [d.number]: `该${d.what}已被使用` })
}
