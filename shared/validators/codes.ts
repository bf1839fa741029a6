// The portal's own code formats. They follow national practice where there is one (the
// 18-digit permit number) and are documented here where we had to choose. All are ASCII,
// validated after normalization (half-width, trimmed, upper-case); every embedded region
// code must be a known Hainan region (shared/regions/hainan.ts, zones included), and every
// embedded year lies in CODE_YEAR_MIN..CODE_YEAR_MAX.
//
//   regionCode        6 digits, GB/T 2260 (zones: 4699NN)                      460100
//   projectCode       {region 6}{year 4}{month 2}{seq 5}          17 digits    46010020240300017
//                     month 01-12 is when the project was registered; seq 00001-99999 per
//                     region and month.
//   permitNumber      施工许可证编号, the national 18-digit layout:
//                     {region 6}{issue date yyyyMMdd 8}{seq 2}{category 2}     460100202403150301
//                     seq 01-99 per region and day; category 01 房屋建筑 (BUILDING),
//                     02 市政基础设施 (MUNICIPAL).
//   completionFilingNumber  竣工验收备案编号: 'JB' + the permit layout with the filing
//                     date, 20 characters                                    JB460100202612010201
//   certificateSerial printed certificate serial (the QR payload names it):
//                     {P|C}{year 4}{region 6}{seq 6}{check 1}    18 characters P20244601000001236
//                     P = construction permit, C = completion filing; seq 000001-999999 per
//                     type, year and region; check = ISO 7064 MOD 11,10 over the 16 digits.
//   practiceRegistrationNumber  执业注册编号 of 注册建造师, 监理工程师 …: the ministries'
//                     formats differ by profession and era, so we accept any 1-3 character
//                     prefix of capital letters or province abbreviations (琼, 粤 …) followed
//                     by 6-12 digits, e.g. 琼146202400123, A46001234.
//
// make… builders throw RangeError on bad parts (a programming error); parse… return null
// for anything invalid; the zod schemas give one Chinese message per problem.

// Every schema is built under /*#__PURE__*/: the mini-program imports this module's plain
// values and functions, and the annotation lets its bundler drop the unused schemas and with
// them the classic zod API (~70 KB of its 400 KB main package, issue 15). Keep it on new ones.
import { z } from 'zod'
import { compactToIsoDate, isoToCompactDate, toIsoDate } from '../dates/calendar-date'
import type { CertificateType, ProjectCategory } from '../domain/enums'
import { isKnownRegionCode } from '../regions/hainan'
import { mod11_10CheckDigit } from './iso7064'
import { normalizeCode } from './normalize'

export const CODE_YEAR_MIN = 1990
export const CODE_YEAR_MAX = 2099

type Problem = string | null

/** A zod string schema that normalizes and reports the first problem found, if any. */
function codeSchema(emptyMessage: string, normalize: (s: string) => string, problem: (s: string) => Problem) {
  return z
    .string({ error: emptyMessage })
    .transform(normalize)
    .superRefine((value, ctx) => {
      const message = problem(value)
      if (message) ctx.addIssue({ code: 'custom', message })
    })
}

function yearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= CODE_YEAR_MIN && year <= CODE_YEAR_MAX
}

/**
 * Which region codes a builder accepts: Hainan's, unless the caller makes codes for another
 * province's regions (the national demo data, scripts/seed/national) and says which.
 */
export type KnownRegion = (regionCode: string) => boolean

function requireRegion(regionCode: string, known: KnownRegion = isKnownRegionCode): void {
  if (!known(regionCode)) throw new RangeError(`unknown region code "${regionCode}"`)
}

function requireInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer ${min}-${max}, got ${value}`)
  }
}

// ---------------------------------------------------------------- region code

export function isRegionCodeFormat(s: string): boolean {
  return typeof s === 'string' && /^\d{6}$/.test(s)
}

export const regionCodeSchema = /*#__PURE__*/ codeSchema('请输入行政区划码', (s) => normalizeCode(s), (s) =>
  !isRegionCodeFormat(s) ? '行政区划码应为6位数字' : !isKnownRegionCode(s) ? '不是海南省已知的行政区划码' : null,
)

// ---------------------------------------------------------------- project code

export interface ParsedProjectCode {
  regionCode: string
  year: number
  month: number
  sequence: number
}

function projectCodeProblem(s: string): Problem {
  if (!/^\d{17}$/.test(s)) return '项目编码应为17位数字'
  if (!isKnownRegionCode(s.slice(0, 6))) return '项目编码前6位不是海南省已知的行政区划码'
  const year = Number(s.slice(6, 10))
  const month = Number(s.slice(10, 12))
  if (!yearInRange(year) || month < 1 || month > 12) return '项目编码中的年月无效'
  if (Number(s.slice(12)) === 0) return '项目编码中的流水号不能为00000'
  return null
}

export function makeProjectCode(regionCode: string, year: number, month: number, seq: number, known?: KnownRegion): string {
  requireRegion(regionCode, known)
  requireInt('year', year, CODE_YEAR_MIN, CODE_YEAR_MAX)
  requireInt('month', month, 1, 12)
  requireInt('sequence', seq, 1, 99_999)
  return `${regionCode}${year}${String(month).padStart(2, '0')}${String(seq).padStart(5, '0')}`
}

export function parseProjectCode(s: string): ParsedProjectCode | null {
  if (typeof s !== 'string') return null
  const c = normalizeCode(s)
  if (projectCodeProblem(c)) return null
  return {
    regionCode: c.slice(0, 6),
    year: Number(c.slice(6, 10)),
    month: Number(c.slice(10, 12)),
    sequence: Number(c.slice(12)),
  }
}

export function isValidProjectCode(s: string): boolean {
  return parseProjectCode(s) !== null
}

export const projectCodeSchema = /*#__PURE__*/ codeSchema('请输入项目编码', normalizeCode, projectCodeProblem)

// ---------------------------------------------------------------- permit and completion filing numbers

/** The two-digit category at the end of permit and completion-filing numbers. */
export const PROJECT_CATEGORY_CODES: Record<ProjectCategory, string> = {
  BUILDING: '01',
  MUNICIPAL: '02',
}

function categoryOfCode(code: string): ProjectCategory | null {
  if (code === PROJECT_CATEGORY_CODES.BUILDING) return 'BUILDING'
  if (code === PROJECT_CATEGORY_CODES.MUNICIPAL) return 'MUNICIPAL'
  return null
}

/** Parts of the 18-digit dated layout shared by permits and completion filings. */
export interface ParsedDatedNumber {
  regionCode: string
  /** 'YYYY-MM-DD' (issue date for a permit, filing date for a completion filing) */
  date: string
  sequence: number
  category: ProjectCategory
}

export type ParsedPermitNumber = ParsedDatedNumber
export type ParsedCompletionFilingNumber = ParsedDatedNumber

function datedBodyProblem(body: string, what: string): Problem {
  if (!/^\d{18}$/.test(body)) return null // shape is checked by the caller, with its own message
  if (!isKnownRegionCode(body.slice(0, 6))) return `${what}中的行政区划码不是海南省已知地区`
  const date = compactToIsoDate(body.slice(6, 14))
  if (!date || !yearInRange(Number(date.slice(0, 4)))) return `${what}中的日期无效`
  if (body.slice(14, 16) === '00') return `${what}中的流水号不能为00`
  if (!categoryOfCode(body.slice(16))) return `${what}末两位工程类别应为01（房屋建筑）或02（市政基础设施）`
  return null
}

function parseDatedBody(body: string): ParsedDatedNumber {
  return {
    regionCode: body.slice(0, 6),
    date: compactToIsoDate(body.slice(6, 14)) as string,
    sequence: Number(body.slice(14, 16)),
    category: categoryOfCode(body.slice(16)) as ProjectCategory,
  }
}

function makeDatedBody(regionCode: string, date: string | Date, seq: number, category: ProjectCategory, known?: KnownRegion): string {
  requireRegion(regionCode, known)
  const iso = toIsoDate(date)
  if (!iso || !yearInRange(Number(iso.slice(0, 4)))) throw new RangeError(`invalid date ${String(date)}`)
  requireInt('sequence', seq, 1, 99)
  const categoryCode = PROJECT_CATEGORY_CODES[category]
  if (!categoryCode) throw new RangeError(`unknown project category "${category}"`)
  return `${regionCode}${isoToCompactDate(iso)}${String(seq).padStart(2, '0')}${categoryCode}`
}

function permitNumberProblem(s: string): Problem {
  if (!/^\d{18}$/.test(s)) return '施工许可证编号应为18位数字'
  return datedBodyProblem(s, '施工许可证编号')
}

/** issueDate: 'YYYY-MM-DD', 'YYYYMMDD' or a Date (read in China time); seq 1-99. */
export function makePermitNumber(
  regionCode: string,
  issueDate: string | Date,
  seq: number,
  category: ProjectCategory,
  known?: KnownRegion,
): string {
  return makeDatedBody(regionCode, issueDate, seq, category, known)
}

export function parsePermitNumber(s: string): ParsedPermitNumber | null {
  if (typeof s !== 'string') return null
  const c = normalizeCode(s)
  return permitNumberProblem(c) ? null : parseDatedBody(c)
}

export function isValidPermitNumber(s: string): boolean {
  return parsePermitNumber(s) !== null
}

export const permitNumberSchema = /*#__PURE__*/ codeSchema('请输入施工许可证编号', normalizeCode, permitNumberProblem)

export const COMPLETION_FILING_PREFIX = 'JB'

function completionFilingNumberProblem(s: string): Problem {
  if (!s.startsWith(COMPLETION_FILING_PREFIX) || !/^\d{18}$/.test(s.slice(2))) {
    return '竣工验收备案编号应为JB加18位数字'
  }
  return datedBodyProblem(s.slice(2), '竣工验收备案编号')
}

/** filingDate: 'YYYY-MM-DD', 'YYYYMMDD' or a Date (read in China time); seq 1-99. */
export function makeCompletionFilingNumber(
  regionCode: string,
  filingDate: string | Date,
  seq: number,
  category: ProjectCategory,
  known?: KnownRegion,
): string {
  return COMPLETION_FILING_PREFIX + makeDatedBody(regionCode, filingDate, seq, category, known)
}

export function parseCompletionFilingNumber(s: string): ParsedCompletionFilingNumber | null {
  if (typeof s !== 'string') return null
  const c = normalizeCode(s)
  return completionFilingNumberProblem(c) ? null : parseDatedBody(c.slice(2))
}

export function isValidCompletionFilingNumber(s: string): boolean {
  return parseCompletionFilingNumber(s) !== null
}

export const completionFilingNumberSchema = /*#__PURE__*/ codeSchema(
  '请输入竣工验收备案编号',
  normalizeCode,
  completionFilingNumberProblem,
)

// ---------------------------------------------------------------- certificate serial

export const CERTIFICATE_SERIAL_LETTERS: Record<CertificateType, string> = {
  CONSTRUCTION_PERMIT: 'P',
  COMPLETION_FILING: 'C',
}

export interface ParsedCertificateSerial {
  type: CertificateType
  year: number
  regionCode: string
  sequence: number
}

function certificateSerialProblem(s: string): Problem {
  if (!/^[PC]\d{17}$/.test(s)) return '证书流水号应为P或C加17位数字'
  const year = Number(s.slice(1, 5))
  if (!yearInRange(year)) return '证书流水号中的年份无效'
  if (!isKnownRegionCode(s.slice(5, 11))) return '证书流水号中的行政区划码不是海南省已知地区'
  if (Number(s.slice(11, 17)) === 0) return '证书流水号中的序号不能为000000'
  if (mod11_10CheckDigit(s.slice(1, 17)) !== s[17]) return '证书流水号校验位错误'
  return null
}

export function makeCertificateSerial(type: CertificateType, year: number, regionCode: string, seq: number, known?: KnownRegion): string {
  const letter = CERTIFICATE_SERIAL_LETTERS[type]
  if (!letter) throw new RangeError(`unknown certificate type "${type}"`)
  requireInt('year', year, CODE_YEAR_MIN, CODE_YEAR_MAX)
  requireRegion(regionCode, known)
  requireInt('sequence', seq, 1, 999_999)
  const digits = `${year}${regionCode}${String(seq).padStart(6, '0')}`
  return letter + digits + mod11_10CheckDigit(digits)
}

export function parseCertificateSerial(s: string): ParsedCertificateSerial | null {
  if (typeof s !== 'string') return null
  const c = normalizeCode(s)
  if (certificateSerialProblem(c)) return null
  return {
    type: c[0] === 'P' ? 'CONSTRUCTION_PERMIT' : 'COMPLETION_FILING',
    year: Number(c.slice(1, 5)),
    regionCode: c.slice(5, 11),
    sequence: Number(c.slice(11, 17)),
  }
}

export function isValidCertificateSerial(s: string): boolean {
  return parseCertificateSerial(s) !== null
}

export const certificateSerialSchema = /*#__PURE__*/ codeSchema('请输入证书流水号', normalizeCode, certificateSerialProblem)

// ---------------------------------------------------------------- practice registration number

/** One-character abbreviations of the provinces, including the alternatives 蜀 黔 滇 秦 陇. */
export const PROVINCE_ABBREVIATIONS =
  '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新港澳台'

const PREFIX_CHAR = `A-Z${PROVINCE_ABBREVIATIONS}`
const PRACTICE_NUMBER = new RegExp(`^([${PREFIX_CHAR}]{1,3})(\\d{6,12})$`)

export interface ParsedPracticeRegistrationNumber {
  prefix: string
  digits: string
}

function practiceRegistrationNumberProblem(s: string): Problem {
  return PRACTICE_NUMBER.test(s) ? null : '执业注册编号应为1至3位字母或省份简称加6至12位数字'
}

/** prefix: 1-3 capital letters or province abbreviations; digits: 6-12 decimal digits. */
export function makePracticeRegistrationNumber(prefix: string, digits: string): string {
  const s = prefix + digits
  const m = PRACTICE_NUMBER.exec(s)
  if (!m || m[1] !== prefix) throw new RangeError(`invalid practice registration number parts "${prefix}", "${digits}"`)
  return s
}

export function parsePracticeRegistrationNumber(s: string): ParsedPracticeRegistrationNumber | null {
  if (typeof s !== 'string') return null
  const m = PRACTICE_NUMBER.exec(normalizeCode(s))
  return m ? { prefix: m[1], digits: m[2] } : null
}

export function isValidPracticeRegistrationNumber(s: string): boolean {
  return parsePracticeRegistrationNumber(s) !== null
}

export const practiceRegistrationNumberSchema = /*#__PURE__*/ codeSchema(
  '请输入执业注册编号',
  normalizeCode,
  practiceRegistrationNumberProblem,
)
