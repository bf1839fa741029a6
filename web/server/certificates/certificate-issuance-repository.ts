// The writes that put a new certificate on the platform, shared by issuing (issue-certificate.ts)
// and re-issuing (certificate-changes-repository.ts) so that both take serials the same way: the
// next free serial, the unsigned row, then its signature once the facts have been read back.
//
// Serials are taken as "last + 1" inside the caller's transaction; two writers taking the same
// serial make one insert fail on the unique column, and withAuditRetry runs that transaction again.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { CertificateType } from '@shared/domain/enums'
import { makeCertificateSerial, parseCertificateSerial } from '@shared/validators/codes'

export type NewCertificate = Pick<
  Prisma.CertificateUncheckedCreateInput,
  'type' | 'serial' | 'permitId' | 'completionFilingId' | 'projectCode' | 'holderUscc' | 'issuedOn' | 'validUntil'
>

export function createCertificateIssuanceRepository(tx: Pick<Db, 'certificate'>) {
  return {
    /** The next free serial of the type, year and region. */
    async nextSerial(type: CertificateType, year: number, regionCode: string): Promise<string> {
      const prefix = makeCertificateSerial(type, year, regionCode, 1).slice(0, 11)
      const last = await tx.certificate.findFirst({ where: { serial: { startsWith: prefix } }, orderBy: { serial: 'desc' }, select: { serial: true } })
      return makeCertificateSerial(type, year, regionCode, (last ? (parseCertificateSerial(last.serial)?.sequence ?? 0) : 0) + 1)
    },

    /** The certificate row, unsigned until storeSignature. */
    insert(data: NewCertificate): Promise<{ id: string }> {
      return tx.certificate.create({ data, select: { id: true } })
    },

    async storeSignature(id: string, signed: { keyId: number; signature: Uint8Array }): Promise<void> {
      await tx.certificate.update({
        where: { id },
        data: { keyId: String(signed.keyId), signature: Buffer.from(signed.signature).toString('base64url') },
      })
    },
  }
}
