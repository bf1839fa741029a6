// Certificates (施工许可证 / 竣工验收备案证明) for QR verification: one read by serial that returns
// the status and everything needed to check a scanned code against the record — the stored key id
// and signature, and the key facts bound into the payload by certificateFactsDigest
// (docs/certificate-format.md §2). The facts are built here, in one place, so that signing and
// verification hash exactly the same values.
import type { CertificateFacts, CompletionFacts, PermitFacts } from '@shared/certificates'
import type { Db } from '@db/client'
import { isoDate } from '@web/server/lib/values'
import { headWithEntriesOf, type HeadEntryRow, type HeadWithEntries } from '@web/server/transparency-log/transparency-log-repository'

export type { CertificateStatus as CertificateStatusValue, CertificateType as CertificateTypeValue } from '@shared/domain/enums'
import type { CertificateStatus as CertificateStatusValue, CertificateType as CertificateTypeValue } from '@shared/domain/enums'

export interface CertificateRecord {
  serial: string
  type: CertificateTypeValue
  status: CertificateStatusValue
  /** 'YYYY-MM-DD' or null */
  statusChangedAt: string | null
  statusReason: string | null
  projectCode: string
  holderUscc: string
  /** 'YYYY-MM-DD' */
  issuedOn: string
  /** last day of validity 'YYYY-MM-DD', null if open-ended */
  validUntil: string | null
  /** the signing key id (decimal), null while unsigned */
  keyId: number | null
  /** base64url (no padding) of the 64-byte Ed25519 signature, null while unsigned */
  signature: string | null
  projectName: string
  /** the holder (建设单位) name */
  holderName: string
  /** input of certificateFactsDigest; null when the certificate has no permit/filing attached */
  facts: CertificateFacts | null
}

/** What can change about a certificate at any moment (status) and what identifies its code. */
export type CertificateState = Omit<CertificateRecord, 'projectName' | 'holderName' | 'facts'>

const nameOnly = { select: { name: true } } as const

const stateSelect = {
  serial: true,
  type: true,
  status: true,
  statusChangedAt: true,
  statusReason: true,
  projectCode: true,
  holderUscc: true,
  issuedOn: true,
  validUntil: true,
  keyId: true,
  signature: true,
} as const

const certificateSelect = {
  ...stateSelect,
  permit: {
    select: {
      permitNumber: true,
      scale: true,
      floorArea: true,
      contractPrice: true,
      plannedStartOn: true,
      plannedEndOn: true,
      contractor: nameOnly,
      supervisor: nameOnly,
      project: { select: { name: true, address: true, owner: nameOnly } },
    },
  },
  completionFiling: {
    select: {
      filingNumber: true,
      acceptedOn: true,
      filedOn: true,
      actualCost: true,
      actualArea: true,
      project: {
        select: {
          name: true,
          address: true,
          owner: nameOnly,
          participants: {
            where: { role: { in: ['CONTRACTOR', 'SUPERVISOR'] as ('CONTRACTOR' | 'SUPERVISOR')[] } },
            orderBy: { id: 'asc' },
            select: { role: true, enterprise: nameOnly },
          },
        },
      },
    },
  },
} as const

function parseKeyId(value: string | null): number | null {
  return value !== null && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : null
}

interface StateRow {
  serial: string
  type: CertificateTypeValue
  status: CertificateStatusValue
  statusChangedAt: Date | null
  statusReason: string | null
  projectCode: string
  holderUscc: string
  issuedOn: Date
  validUntil: Date | null
  keyId: string | null
  signature: string | null
}

function toState(row: StateRow): CertificateState {
  return {
    ...row,
    statusChangedAt: isoDate(row.statusChangedAt),
    issuedOn: isoDate(row.issuedOn),
    validUntil: isoDate(row.validUntil),
    keyId: parseKeyId(row.keyId),
  }
}

/** The certificate with its facts, through the client or a transaction of it. */
export async function readCertificate(client: Pick<Db, 'certificate'>, serial: string): Promise<CertificateRecord | null> {
  const row = await client.certificate.findUnique({ where: { serial }, select: certificateSelect })
  return row ? toRecord(row) : null
}

/** Several certificates with their facts, in one query (the transparency log's back-fill); unknown serials are left out. */
export async function readCertificates(client: Pick<Db, 'certificate'>, serials: readonly string[]): Promise<CertificateRecord[]> {
  const rows = await client.certificate.findMany({ where: { serial: { in: [...serials] } }, select: certificateSelect })
  return rows.map(toRecord)
}

type CertificateRow = NonNullable<Awaited<ReturnType<typeof selectOne>>>
// only for its type: the row readCertificate selects
const selectOne = (client: Pick<Db, 'certificate'>) => client.certificate.findFirst({ select: certificateSelect })

function toRecord(row: CertificateRow): CertificateRecord {
  let facts: CertificateFacts | null = null
  let projectName = ''
  let holderName = ''
  if (row.type === 'CONSTRUCTION_PERMIT' && row.permit) {
    const p = row.permit
    projectName = p.project.name
    holderName = p.project.owner.name
    facts = {
      type: 'CONSTRUCTION_PERMIT',
      permitNumber: p.permitNumber,
      projectName: p.project.name,
      projectAddress: p.project.address,
      ownerName: p.project.owner.name,
      contractorName: p.contractor.name,
      supervisorName: p.supervisor?.name ?? null,
      scale: p.scale,
      floorArea: p.floorArea,
      contractPrice: p.contractPrice.toString(),
      plannedStartOn: isoDate(p.plannedStartOn),
      plannedEndOn: isoDate(p.plannedEndOn),
    } satisfies PermitFacts
  } else if (row.type === 'COMPLETION_FILING' && row.completionFiling) {
    const c = row.completionFiling
    // A completion filing has no contractor column: the project's (first) contractor and supervisor.
    const byRole = (role: 'CONTRACTOR' | 'SUPERVISOR') => c.project.participants.find((p) => p.role === role)?.enterprise.name ?? null
    projectName = c.project.name
    holderName = c.project.owner.name
    facts = {
      type: 'COMPLETION_FILING',
      filingNumber: c.filingNumber,
      projectName: c.project.name,
      projectAddress: c.project.address,
      ownerName: c.project.owner.name,
      contractorName: byRole('CONTRACTOR') ?? '',
      supervisorName: byRole('SUPERVISOR'),
      acceptedOn: isoDate(c.acceptedOn),
      filedOn: isoDate(c.filedOn),
      actualCost: c.actualCost.toString(),
      actualArea: c.actualArea,
    } satisfies CompletionFacts
  }
  return { ...toState(row), projectName, holderName, facts }
}

export function createCertificatesRepository(db: Db) {
  return {
    findCertificateBySerial: (serial: string): Promise<CertificateRecord | null> => readCertificate(db, serial),

    /** One indexed row, no joins: the state verification must read fresh on every request. */
    async findCertificateState(serial: string): Promise<CertificateState | null> {
      const row = await db.certificate.findUnique({ where: { serial }, select: stateSelect })
      return row ? toState(row) : null
    },

    /**
     * The state row and, in the same statement, the transparency log's head and this
     * certificate's entries below its size (null before the log's first append): what every
     * verify answer reads fresh, in one round trip instead of two.
     */
    async findCertificateStateWithLog(serial: string): Promise<{ state: CertificateState; log: HeadWithEntries | null } | null> {
      const rows = await db.$queryRaw<(StateRow & HeadEntryRow)[]>`SELECT
          c."serial", c."type", c."status", c."statusChangedAt", c."statusReason", c."projectCode", c."holderUscc",
          c."issuedOn", c."validUntil", c."keyId", c."signature",
          h."size", h."rootHash", h."checkpoint", e."index", e."event", e."entry"
        FROM "Certificate" c
        LEFT JOIN "TransparencyLogHead" h ON h."id" = 1
        LEFT JOIN "TransparencyLogEntry" e ON e."serial" = c."serial" AND e."index" < h."size"
        WHERE c."serial" = ${serial}
        ORDER BY e."index"`
      if (rows.length === 0) return null
      const r = rows[0]
      const state = toState({
        serial: r.serial,
        type: r.type,
        status: r.status,
        statusChangedAt: r.statusChangedAt,
        statusReason: r.statusReason,
        projectCode: r.projectCode,
        holderUscc: r.holderUscc,
        issuedOn: r.issuedOn,
        validUntil: r.validUntil,
        keyId: r.keyId,
        signature: r.signature,
      })
      return { state, log: headWithEntriesOf(rows, serial) }
    },

    /**
     * The region of the permit or filing the certificate certifies now, for the back office's
     * region check; null for an unknown serial and for one no longer attached (superseded).
     */
    async findCertifiedRegion(serial: string): Promise<string | null> {
      const row = await db.certificate.findUnique({
        where: { serial },
        select: { permit: { select: { regionCode: true } }, completionFiling: { select: { regionCode: true } } },
      })
      return row?.permit?.regionCode ?? row?.completionFiling?.regionCode ?? null
    },
  }
}

export type CertificatesRepository = ReturnType<typeof createCertificatesRepository>
