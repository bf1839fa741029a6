// The signed revocation status list's storage: one row (id 1) holding the packed bits, the signed
// note served at /log/status-list and its validity. The only code here that touches Prisma.
//
// Writers serialise on the row: `lock` is an upsert that writes the row first (PostgreSQL takes
// the row lock, SQLite holds the database's write lock), so the bits read after it are the last
// committed ones and two concurrent revocations cannot both set their bit on the same old copy
// and lose one of them. The row is created by the first writer that finds none.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'

type StatusListTx = Pick<Db, 'certificateStatusList' | 'certificate'>

export const STATUS_LIST_ROW_ID = 1

export interface StoredStatusList {
  bits: Uint8Array
  signedNote: string
  issuedAt: Date
  validUntil: Date
}

const storedSelect = { bits: true, signedNote: true, issuedAt: true, validUntil: true } satisfies Prisma.CertificateStatusListSelect

function toStored(row: { bits: Uint8Array; signedNote: string; issuedAt: Date; validUntil: Date }): StoredStatusList {
  return { bits: new Uint8Array(row.bits), signedNote: row.signedNote, issuedAt: row.issuedAt, validUntil: row.validUntil }
}

/** The stored list, or null before the first one is signed. */
export async function readStatusList(db: Pick<Db, 'certificateStatusList'>): Promise<StoredStatusList | null> {
  const row = await db.certificateStatusList.findUnique({ where: { id: STATUS_LIST_ROW_ID }, select: storedSelect })
  return row && row.signedNote !== '' ? toStored(row) : null
}

/**
 * Locks the row for the rest of the transaction (creating an empty, unsigned one if there is
 * none) and returns its bits; an empty array means "never built": the caller builds the bits
 * from the certificates instead.
 */
export async function lockStatusList(tx: StatusListTx, now: Date): Promise<Uint8Array> {
  const row = await tx.certificateStatusList.upsert({
    where: { id: STATUS_LIST_ROW_ID },
    create: { id: STATUS_LIST_ROW_ID, bits: new Uint8Array(0), signedNote: '', issuedAt: now, validUntil: now },
    // a write that changes nothing the readers see (issuedAt is set again by storeStatusList), for the lock
    update: { issuedAt: now },
    select: { bits: true },
  })
  return new Uint8Array(row.bits)
}

export async function storeStatusList(tx: StatusListTx, list: StoredStatusList): Promise<void> {
  await tx.certificateStatusList.update({
    where: { id: STATUS_LIST_ROW_ID },
    data: { bits: new Uint8Array(list.bits), signedNote: list.signedNote, issuedAt: list.issuedAt, validUntil: list.validUntil },
  })
}

/** The status indexes of every revoked certificate, and the highest index given to any certificate. */
export async function readRevocationState(tx: StatusListTx): Promise<{ revoked: number[]; highestIndex: number | null }> {
  // one after the other: the statements of an interactive transaction share its one connection
  const revoked = await tx.certificate.findMany({
    where: { status: 'REVOKED', statusIndex: { not: null } },
    select: { statusIndex: true } satisfies Prisma.CertificateSelect,
  })
  const highest = await tx.certificate.aggregate({ _max: { statusIndex: true } })
  return { revoked: revoked.map((r) => r.statusIndex!), highestIndex: highest._max.statusIndex }
}
