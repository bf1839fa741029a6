// 居民身份证号 (citizen identity number), GB 11643-1999.
//
// Layout, 18 characters:
//   1-6    address code (GB/T 2260 region where the number was issued)
//   7-14   birth date yyyyMMdd
//   15-17  sequence; position 17 is odd for men and even for women
//   18     check character: Σ digit·weight mod 11 mapped through '10X98765432'
//
// Only 18-digit numbers are accepted: 15-digit first-generation numbers stopped being valid
// in 2013. The address code is checked against the province-level prefixes in use (11-65
// for the mainland, 71 Taiwan, 81/82 Hong Kong/Macao and 83 Taiwan residence permits), not
// against a full region list: people keep the number of the county they were born in even
// after it is merged or renamed. The birth date must be a real date from 1900 on; a future
// date is only rejected when the caller says what "now" is (asOf), so that this stays a
// pure function and the tests do not depend on the clock.

import { z } from 'zod'
import { chinaDateOf, compactToIsoDate, toIsoDate } from '../dates/calendar-date'
import { normalizeCode } from './normalize'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_MAP = '10X98765432'

const SHAPE = /^\d{17}[\dX]$/
const DIGITS_17 = /^\d{17}$/
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82', '83',
])
const EARLIEST_BIRTH_DATE = '1900-01-01'

export type IdNumberProblem = 'LENGTH' | 'CHARACTERS' | 'REGION' | 'BIRTH_DATE' | 'CHECK_DIGIT'

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  LENGTH: '身份证号应为18位',
  CHARACTERS: '身份证号前17位应为数字，最后一位为数字或X',
  REGION: '身份证号前6位不是有效的行政区划码',
  BIRTH_DATE: '身份证号中的出生日期无效',
  CHECK_DIGIT: '身份证号校验位错误',
}

/** Trims, converts full-width characters, upper-cases the trailing x. */
export function normalizeIdNumber(s: string): string {
  return normalizeCode(s)
}

/** The check character for the first 17 digits; throws on malformed input. */
export function idNumberCheckDigit(first17: string): string {
  if (!DIGITS_17.test(first17)) {
    throw new RangeError(`ID number body must be 17 digits, got "${first17}"`)
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_MAP[sum % 11]
}

function asOfDate(asOf: Date | string): string {
  const iso = typeof asOf === 'string' ? toIsoDate(asOf) : chinaDateOf(asOf)
  if (!iso) throw new RangeError(`asOf is not a valid date: ${String(asOf)}`)
  return iso
}

/** What is wrong with an already normalized number, most basic problem first; null if valid. */
export function idNumberProblem(normalized: string, asOf?: Date | string): IdNumberProblem | null {
  if (normalized.length !== 18) return 'LENGTH'
  if (!SHAPE.test(normalized)) return 'CHARACTERS'
  if (!PROVINCE_PREFIXES.has(normalized.slice(0, 2))) return 'REGION'
  const birth = compactToIsoDate(normalized.slice(6, 14))
  if (!birth || birth < EARLIEST_BIRTH_DATE) return 'BIRTH_DATE'
  if (asOf !== undefined && birth > asOfDate(asOf)) return 'BIRTH_DATE'
  if (idNumberCheckDigit(normalized.slice(0, 17)) !== normalized[17]) return 'CHECK_DIGIT'
  return null
}

/**
 * True when s (after normalization) is a valid 18-character ID number. With asOf, a birth
 * date after that day (China time) is rejected too.
 */
export function isValidIdNumber(s: string, asOf?: Date | string): boolean {
  return typeof s === 'string' && idNumberProblem(normalizeIdNumber(s), asOf) === null
}

export interface ParsedIdNumber {
  regionCode: string
  /** 'YYYY-MM-DD' */
  birthDate: string
  sex: 'M' | 'F'
}

/** Region, birth date and sex of a valid number; null if invalid. */
export function parseIdNumber(s: string): ParsedIdNumber | null {
  if (typeof s !== 'string') return null
  const n = normalizeIdNumber(s)
  if (idNumberProblem(n) !== null) return null
  return {
    regionCode: n.slice(0, 6),
    birthDate: compactToIsoDate(n.slice(6, 14)) as string,
    sex: Number(n[16]) % 2 === 1 ? 'M' : 'F',
  }
}

/**
 * Builds a valid number from a 6-digit region code, a birth date 'YYYYMMDD' and a sequence
 * 0-999 (odd last digit = male). Throws RangeError on malformed parts.
 */
export function makeIdNumber(regionCode6: string, birthDate: string, seq3: number | string): string {
  if (!/^\d{6}$/.test(regionCode6) || !PROVINCE_PREFIXES.has(regionCode6.slice(0, 2))) {
    throw new RangeError(`region code must be 6 digits with a province prefix, got "${regionCode6}"`)
  }
  const birth = /^\d{8}$/.test(birthDate) ? compactToIsoDate(birthDate) : null
  if (!birth || birth < EARLIEST_BIRTH_DATE) {
    throw new RangeError(`birth date must be a real date YYYYMMDD from 1900, got "${birthDate}"`)
  }
  const seq = String(seq3).padStart(3, '0')
  if (!/^\d{3}$/.test(seq)) throw new RangeError(`sequence must be 0-999, got "${seq3}"`)
  const first17 = regionCode6 + birthDate + seq
  return first17 + idNumberCheckDigit(first17)
}

/** Zod schema factory: with asOf, birth dates after that day are rejected. */
export function idNumberSchemaAsOf(asOf?: Date | string) {
  return z
    .string({ error: '请输入身份证号' })
    .transform(normalizeIdNumber)
    .superRefine((value, ctx) => {
      const problem = idNumberProblem(value, asOf)
      if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_MESSAGES[problem] })
    })
}

/** Zod schema without a future-date check; the output is the normalized number (X upper-case). */
export const idNumberSchema = idNumberSchemaAsOf()
