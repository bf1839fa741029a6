// The signed revocation status list's storage: one row (id 1) holding the signed note served at
// /log/status-list and its validity, and the read of every revoked serial it is built from. The
// only code here that touches Prisma.
//
// Writers serialise on the row: `lock` is an upsert that writes the row first (PostgreSQL takes
// the row lock, SQLite holds the database's write lock), so the revoked serials read after it
// include every revocation committed before — two concurrent revocations cannot both sign a list
// that lacks the other's certificate. The row is created by the first writer that finds none.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'

type StatusListTx = Pick<Db, 'certificateStatusList' | 'certificate'>

export const STATUS_LIST_ROW_ID = 1

export interface StoredStatusList {
  signedNote: string
  issuedAt: Date
  validUntil: Date
}

const storedSelect = { signedNote: true, issuedAt: true, validUntil: true } satisfies Prisma.CertificateStatusListSelect

/** The stored list, or null before the first one is signed. */
export async function readStatusList(db: Pick<Db, 'certificateStatusList'>): Promise<StoredStatusList | null> {
  const row = await db.certificateStatusList.findUnique({ where: { id: STATUS_LIST_ROW_ID }, select: storedSelect })
  return row && row.signedNote !== '' ? row : null
}

/** Locks the row for the rest of the transaction, creating an empty, unsigned one if there is none. */
export async function lockStatusList(tx: StatusListTx, now: Date): Promise<void> {
  await tx.certificateStatusList.upsert({
    where: { id: STATUS_LIST_ROW_ID },
    create: { id: STATUS_LIST_ROW_ID, signedNote: '', issuedAt: now, validUntil: now },
    // a write that changes nothing the readers see (issuedAt is set again by storeStatusList), for the lock
    update: { issuedAt: now },
    select: { id: true },
  })
}

export async function storeStatusList(tx: StatusListTx, list: StoredStatusList): Promise<void> {
  await tx.certificateStatusList.update({
    where: { id: STATUS_LIST_ROW_ID },
    data: { signedNote: list.signedNote, issuedAt: list.issuedAt, validUntil: list.validUntil },
    select: { id: true },
  })
}

/** The serial of every REVOKED certificate (the (status, serial) index covers it). */
export async function readRevokedSerials(tx: StatusListTx): Promise<string[]> {
  const rows = await tx.certificate.findMany({ where: { status: 'REVOKED' }, select: { serial: true } satisfies Prisma.CertificateSelect })
  return rows.map((r) => r.serial)
}

/** The serials of the REVOKED certificates in one status group (a range on the (status, serial) index). */
export async function readRevokedSerialsInGroup(tx: StatusListTx, group: string): Promise<string[]> {
  // ':' follows '9': every serial that starts with the group sorts in [group, group + ':')
  const rows = await tx.certificate.findMany({
    where: { status: 'REVOKED', serial: { gte: group, lt: `${group}:` } },
    select: { serial: true } satisfies Prisma.CertificateSelect,
  })
  return rows.map((r) => r.serial)
}
