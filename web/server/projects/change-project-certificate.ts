// Staff revoke or re-issue (supersede) a permit's or completion filing's certificate, with a
// reason: the actor's permission and region are checked here, then the existing certificate use
// cases (web/server/certificates/change-certificate-status.ts) do the change with their conflict
// detection (a certificate someone else changed meanwhile is refused, never changed twice) and
// their audit entry, in one transaction.
import type { Db } from '@db/client'
import type { KeyRing } from '@shared/certificates/key-file'
import { certificateActionSchema, type CertificateActionInput } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { CertificateChangeError } from '@web/server/certificates/certificate-changes-repository'
import { reissueCertificate, revokeCertificate } from '@web/server/certificates/change-certificate-status'
import { createCertificatesRepository } from '@web/server/certificates/certificates-repository'
import { ConflictError, NotFoundError } from '@web/server/lib/errors'
import { assertRegion, authorize } from '@web/server/staff/authorize'
import { parseInput } from './staff-project-access'

async function certificateInRegion(db: Db, actor: Actor, serial: string): Promise<void> {
  assertRegion(actor, await createCertificatesRepository(db).findCertifiedRegion(serial), '证书')
}

/** A certificate change's refusal as the application layer's error; anything else unchanged. */
export function certificateChangeRefusal(error: unknown): unknown {
  if (!(error instanceof CertificateChangeError)) return error
  return error.problem === 'NOT_FOUND' ? new NotFoundError('证书') : new ConflictError(error.message)
}

export async function revokeProjectCertificate(db: Db, actor: Actor, input: CertificateActionInput, now = new Date()): Promise<void> {
  authorize(actor, 'certificates.write')
  const { serial, reason } = parseInput(certificateActionSchema, input)
  await certificateInRegion(db, actor, serial)
  try {
    await revokeCertificate(db, { serial, reason, userId: actor.userId, clientIp: actor.clientIp }, now)
  } catch (error) {
    throw certificateChangeRefusal(error)
  }
}

/** Returns the replacement's serial. */
export async function reissueProjectCertificate(db: Db, actor: Actor, keyRing: KeyRing, input: CertificateActionInput, now = new Date()): Promise<string> {
  authorize(actor, 'certificates.write')
  const { serial, reason } = parseInput(certificateActionSchema, input)
  await certificateInRegion(db, actor, serial)
  try {
    return await reissueCertificate(db, keyRing, { serial, reason, userId: actor.userId, clientIp: actor.clientIp }, now)
  } catch (error) {
    throw certificateChangeRefusal(error)
  }
}
