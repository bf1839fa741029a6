// The stored answers of exchange writes by (token, Idempotency-Key), written in the same
// transaction as the writes they answer.
import type { Prisma } from '@db/generated/sqlite/client'
import type { Tx } from '@web/server/audit/audit-log-repository'

const storedAnswerSelect = { requestSha256: true, status: true, responseJson: true } satisfies Prisma.IdempotencyRecordSelect

export type StoredAnswer = Prisma.IdempotencyRecordGetPayload<{ select: typeof storedAnswerSelect }>

export function createIdempotencyRepository(tx: Tx) {
  return {
    find(tokenId: string, key: string): Promise<StoredAnswer | null> {
      return tx.idempotencyRecord.findUnique({ where: { tokenId_key: { tokenId, key } }, select: storedAnswerSelect })
    },

    /** Throws a unique violation (P2002) when another request stored an answer under the key meanwhile. */
    async store(record: { tokenId: string; key: string; requestSha256: string; status: number; responseJson: string; createdAt: Date }): Promise<void> {
      await tx.idempotencyRecord.create({ data: record, select: { key: true } })
    },
  }
}
