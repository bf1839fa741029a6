// Finds personal data that public pages must never show: 18-character resident ID numbers
// (GB 11643) and mainland mobile numbers. Two checks:
//   - by shape, over the text a reader sees: any valid ID number (address, birth date and check
//     character all right) that is not one of the page's own codes (a permit number or a USCC
//     can look like an ID number), and any 11-digit mobile number;
//   - by value, over the whole HTML (including the data the page ships to the browser): the real
//     ID numbers and phone numbers of the people in the test database.
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { inject } from 'vitest'
import { personalDataKeysFromEnvironment } from '../../../scripts/personal-data/keys-from-environment'
import { openIdNumber, openPersonPhone } from '@web/server/personal-data/personal-data'
import { isValidIdNumber } from '@shared/validators/id-number'
import { PROVINCE_ABBREVIATIONS } from '@shared/validators/codes'

/** An 18-character ID number standing on its own (not inside a longer code). */
const ID_SHAPE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g

/**
 * A mainland mobile number, optionally +86 and grouped 3-4-4 by spaces or hyphens, standing on
 * its own. Not after a letter or a province abbreviation: 执业注册编号 look like 琼146202400123.
 */
const MOBILE_SHAPE = new RegExp(`(?<![0-9A-Za-z${PROVINCE_ABBREVIATIONS}])(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![0-9A-Za-z])`, 'g')

/** Valid ID numbers in the text that are not among the known codes of the page. */
export function idNumbersIn(text: string, knownCodes: ReadonlySet<string>): string[] {
  return [...text.matchAll(ID_SHAPE)].map((m) => m[0].toUpperCase()).filter((s) => isValidIdNumber(s) && !knownCodes.has(s))
}

export function mobileNumbersIn(text: string): string[] {
  return [...text.matchAll(MOBILE_SHAPE)].map((m) => m[0])
}

export interface PrivateValues {
  idNumbers: ReadonlySet<string>
  phones: ReadonlySet<string>
}

/** The ID numbers and phone numbers of everyone in the test database (read-only; stored encrypted, opened here). */
export function loadPrivateValues(databaseUrl: string): PrivateValues {
  personalDataKeysFromEnvironment({ PERSONAL_DATA_KEYS_FILE: inject('personalDataKeysFile') })
  const db = new Database(databaseUrl.replace(/^file:/, ''), { readonly: true, fileMustExist: true })
  try {
    const stored = db.prepare('SELECT "idNumber", "phone" FROM "Person"').all() as { idNumber: string; phone: string | null }[]
    const rows = stored.map((r) => ({ idNumber: openIdNumber(r.idNumber), phone: openPersonPhone(r.phone) }))
    if (rows.length === 0) throw new Error('the test database has no people: the privacy check would prove nothing')
    return {
      idNumbers: new Set(rows.map((r) => r.idNumber.toUpperCase())),
      phones: new Set(rows.flatMap((r) => (r.phone ? [r.phone.replace(/\D/g, '').slice(-11)] : []))),
    }
  } finally {
    db.close()
  }
}

/** Real ID numbers and phone numbers of people that occur anywhere in the HTML. */
export function privateValuesIn(html: string, values: PrivateValues): string[] {
  const ids = [...html.matchAll(/(?<!\d)\d{17}[\dXx](?!\d)/g)].map((m) => m[0].toUpperCase()).filter((s) => values.idNumbers.has(s))
  const phones = [...html.matchAll(/(?<!\d)1\d{10}(?!\d)/g)].map((m) => m[0]).filter((s) => values.phones.has(s))
  return [...new Set([...ids, ...phones])]
}

/**
 * The codes a page names on purpose: every path segment and query value of its own URL and of
 * its links (permit numbers, USCCs, project codes …), decoded.
 */
export async function knownCodesOf(page: Page): Promise<Set<string>> {
  const urls = await page.evaluate(() => [location.href, ...Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href)])
  const codes = new Set<string>()
  for (const href of urls) {
    const url = new URL(href)
    for (const segment of url.pathname.split('/')) {
      try {
        codes.add(decodeURIComponent(segment).toUpperCase())
      } catch {
        codes.add(segment.toUpperCase())
      }
    }
    for (const value of url.searchParams.values()) codes.add(value.toUpperCase())
  }
  return codes
}
