// The process's personal-data key ring and the sealing/opening the repositories use, so that use
// cases and pages see plain values and the database sees only ciphertext and keyed hashes.
//
// The ring is set once per process by whoever owns the settings (web/lib/db.ts from the validated
// environment, an operator command from its own, the test set-up with a throw-away ring); it is
// kept on globalThis because Next's dev reloads re-evaluate this module but keep the Db client.
import { normalizeIdNumber } from '@shared/validators/id-number'
import { decryptField, encryptField, isEncrypted, lookupHash, type PersonalDataField, type PersonalDataKeyRing } from './field-cipher'

const holder = globalThis as typeof globalThis & { __portalPersonalDataKeys?: PersonalDataKeyRing }

export function usePersonalDataKeys(ring: PersonalDataKeyRing): void {
  holder.__portalPersonalDataKeys = ring
}

export function hasPersonalDataKeys(): boolean {
  return holder.__portalPersonalDataKeys !== undefined
}

export function personalDataKeys(): PersonalDataKeyRing {
  const ring = holder.__portalPersonalDataKeys
  if (!ring) throw new Error('personal-data keys are not configured in this process (usePersonalDataKeys)')
  return ring
}

/**
 * Opens a stored value. A value without the encrypted form was written before encryption was
 * introduced and not yet converted by `npm run pii:encrypt`; it is returned as it is, so the
 * portal keeps working between the migration and the conversion.
 */
function open(field: PersonalDataField, stored: string): string {
  return isEncrypted(stored) ? decryptField(personalDataKeys(), field, stored) : stored
}

/** The keyed hash the Person.idNumberHash column holds, of the normalised ID number. */
export function idNumberHash(idNumber: string): string {
  return lookupHash(personalDataKeys(), 'idNumber', normalizeIdNumber(idNumber))
}

/** The keyed hash of a phone number (digits as the validators leave them, trimmed). */
export function phoneHash(phone: string): string {
  return lookupHash(personalDataKeys(), 'phone', phone.trim())
}

export function sealIdNumber(idNumber: string): { idNumber: string; idNumberHash: string } {
  const normalized = normalizeIdNumber(idNumber)
  return { idNumber: encryptField(personalDataKeys(), 'person.idNumber', normalized), idNumberHash: idNumberHash(normalized) }
}

export function openIdNumber(stored: string): string {
  return open('person.idNumber', stored)
}

export function sealPersonPhone(phone: string): string
export function sealPersonPhone(phone: string | null): string | null
export function sealPersonPhone(phone: string | null): string | null {
  return phone === null ? null : encryptField(personalDataKeys(), 'person.phone', phone)
}

export function openPersonPhone(stored: string | null): string | null {
  return stored === null ? null : open('person.phone', stored)
}

export function sealContactPhone(phone: string): { contactPhone: string; contactPhoneHash: string } {
  return { contactPhone: encryptField(personalDataKeys(), 'objection.contactPhone', phone), contactPhoneHash: phoneHash(phone) }
}

export function openContactPhone(stored: string): string {
  return open('objection.contactPhone', stored)
}

export function sealEmail(email: string | null): string | null {
  return email === null ? null : encryptField(personalDataKeys(), 'objection.email', email)
}

export function openEmail(stored: string | null): string | null {
  return stored === null ? null : open('objection.email', stored)
}

/** A row with a person's stored ID number and/or phone, opened (other fields untouched). */
export function openPersonRow<T extends { idNumber?: string; phone?: string | null }>(row: T): T {
  const opened = { ...row }
  if (typeof row.idNumber === 'string') opened.idNumber = openIdNumber(row.idNumber)
  if (row.phone !== undefined) opened.phone = openPersonPhone(row.phone)
  return opened
}

/** A row with an objection's stored contact phone and/or email, opened. */
export function openObjectionRow<T extends { contactPhone?: string; email?: string | null }>(row: T): T {
  const opened = { ...row }
  if (typeof row.contactPhone === 'string') opened.contactPhone = openContactPhone(row.contactPhone)
  if (row.email !== undefined) opened.email = openEmail(row.email)
  return opened
}

/** Each value's hash and the value it stands for, to answer "which of these ID numbers" through the hash column. */
export function idNumberHashes(idNumbers: readonly string[]): Map<string, string> {
  return new Map(idNumbers.map((n) => [idNumberHash(n), n]))
}
