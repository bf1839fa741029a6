// Import jobs, their stored files and their problem reports. A job is claimed by the instance or
// worker that runs it with a conditional update on its heartbeat, so two processes never run the
// same job, and a job whose process died (its heartbeat stopped) is claimed again.
import type { Db } from '@db/client'
import type { Prisma } from '@db/generated/sqlite/client'
import type { Actor } from '@shared/staff/actor'
import { isLookupKey } from '@web/server/lib/database-text'

export const IMPORT_CHUNK_BYTES = 1024 * 1024

/** Problems kept per job for the on-screen and downloadable report; the count covers them all. */
export const STORED_PROBLEMS_LIMIT = 50_000

export const importJobSelect = {
  id: true,
  kind: true,
  fileName: true,
  format: true,
  fileSize: true,
  fileSha256: true,
  status: true,
  createdAt: true,
  rowsTotal: true,
  rowsValidated: true,
  rowsWritten: true,
  toCreate: true,
  toChange: true,
  unchanged: true,
  problemCount: true,
  phaseStartedAt: true,
  heartbeatAt: true,
  commitRequestedAt: true,
  finishedAt: true,
  error: true,
  createdBy: { select: { id: true, displayName: true, authorityId: true } },
} satisfies Prisma.ImportJobSelect

export type ImportJobRow = Prisma.ImportJobGetPayload<{ select: typeof importJobSelect }>

/** The user a job runs as, read again when it runs (a disabled account's job does not run). */
const jobUserSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  authorityId: true,
  authority: { select: { regionCode: true } },
} satisfies Prisma.UserSelect

export type ImportJobUser = Prisma.UserGetPayload<{ select: typeof jobUserSelect }>

/** Jobs staff may see: those of their own authority (the province's: all). */
function jobsWhere(actor: Actor): Prisma.ImportJobWhereInput {
  if (actor.regions === 'ALL') return {}
  return { createdBy: { authorityId: actor.authorityId ?? '' } }
}

export interface NewImportJob {
  kind: string
  fileName: string
  format: 'csv' | 'xlsx'
  fileSha256: string
  chunks: Uint8Array[]
  createdById: string
  createdAt: Date
}

export type ImportJobUpdate = Partial<
  Pick<
    Prisma.ImportJobUncheckedUpdateInput,
    | 'status' | 'rowsTotal' | 'rowsValidated' | 'rowsWritten' | 'toCreate' | 'toChange' | 'unchanged' | 'problemCount'
    | 'phaseStartedAt' | 'heartbeatAt' | 'commitRequestedAt' | 'finishedAt' | 'error'
  >
>

export interface StoredProblem {
  row: number
  column: string
  value: string
  reason: string
}

export function createImportJobsRepository(db: Db) {
  return {
    /** The job and its file in one transaction: a job is never without its whole file. */
    async create(job: NewImportJob): Promise<ImportJobRow> {
      const fileSize = job.chunks.reduce((n, c) => n + c.byteLength, 0)
      return db.$transaction(async (tx) => {
        const created = await tx.importJob.create({
          data: {
            kind: job.kind,
            fileName: job.fileName,
            format: job.format,
            fileSize,
            fileSha256: job.fileSha256,
            status: 'UPLOADED',
            createdById: job.createdById,
            createdAt: job.createdAt,
          },
          select: { id: true },
        })
        for (let seq = 0; seq < job.chunks.length; seq++) {
          await tx.importFileChunk.create({ data: { jobId: created.id, seq, bytes: Buffer.from(job.chunks[seq]) } })
        }
        return tx.importJob.findUniqueOrThrow({ where: { id: created.id }, select: importJobSelect })
      })
    },

    async findForActor(actor: Actor, id: string): Promise<ImportJobRow | null> {
      if (!isLookupKey(id)) return null
      return db.importJob.findFirst({ where: { AND: [{ id }, jobsWhere(actor)] }, select: importJobSelect })
    },

    findById(id: string): Promise<ImportJobRow | null> {
      return db.importJob.findUnique({ where: { id }, select: importJobSelect })
    },

    listForActor(actor: Actor, take: number): Promise<ImportJobRow[]> {
      return db.importJob.findMany({ where: jobsWhere(actor), orderBy: { createdAt: 'desc' }, take, select: importJobSelect })
    },

    findUser(id: string): Promise<ImportJobUser | null> {
      return db.user.findUnique({ where: { id }, select: jobUserSelect })
    },

    /**
     * Takes a job that waits for a run — a new upload, a requested commit, or one whose runner
     * stopped beating before `staleBefore` — and marks it as running; null when there is none
     * (or another process took it first).
     */
    async claimNext(now: Date, staleBefore: Date): Promise<ImportJobRow | null> {
      const candidates = await db.importJob.findMany({
        where: {
          OR: [
            { status: 'UPLOADED' },
            { status: 'VALID', commitRequestedAt: { not: null } },
            { status: { in: ['VALIDATING', 'COMMITTING'] }, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] },
          ],
        },
        orderBy: { createdAt: 'asc' },
        take: 5,
        select: { id: true, status: true, heartbeatAt: true },
      })
      for (const c of candidates) {
        const next = c.status === 'UPLOADED' || c.status === 'VALIDATING' ? 'VALIDATING' : 'COMMITTING'
        // the heartbeat read above must still be the heartbeat: otherwise another process claimed it
        const { count } = await db.importJob.updateMany({
          where: { id: c.id, status: c.status, heartbeatAt: c.heartbeatAt },
          data: { status: next, heartbeatAt: now, phaseStartedAt: now, rowsValidated: 0, rowsWritten: 0 },
        })
        if (count === 1) return db.importJob.findUniqueOrThrow({ where: { id: c.id }, select: importJobSelect })
      }
      return null
    },

    /** Updates a job this process runs; false when the job is no longer in `status` (taken over). */
    async update(id: string, status: ImportJobRow['status'], data: ImportJobUpdate): Promise<boolean> {
      const { count } = await db.importJob.updateMany({ where: { id, status }, data })
      return count === 1
    },

    async requestCommit(id: string, at: Date): Promise<boolean> {
      const { count } = await db.importJob.updateMany({ where: { id, status: 'VALID', commitRequestedAt: null }, data: { commitRequestedAt: at } })
      return count === 1
    },

    /** The stored file, chunk by chunk, a few chunks read at a time. */
    async *readFile(id: string): AsyncGenerator<Uint8Array> {
      let after = -1
      for (;;) {
        const chunks = await db.importFileChunk.findMany({ where: { jobId: id, seq: { gt: after } }, orderBy: { seq: 'asc' }, take: 4, select: { seq: true, bytes: true } })
        for (const c of chunks) yield new Uint8Array(c.bytes)
        if (chunks.length < 4) return
        after = chunks[chunks.length - 1].seq
      }
    },

    /** Replaces the job's problem report (a new dry run starts a new report). */
    async replaceProblems(id: string, problems: readonly StoredProblem[]): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.importProblem.deleteMany({ where: { jobId: id } })
        for (let i = 0; i < problems.length; i += 1000) {
          await tx.importProblem.createMany({ data: problems.slice(i, i + 1000).map((p) => ({ jobId: id, ...p })) })
        }
      })
    },

    listProblems(id: string, take: number): Promise<StoredProblem[]> {
      return db.importProblem.findMany({ where: { jobId: id }, orderBy: [{ row: 'asc' }, { id: 'asc' }], take, select: { row: true, column: true, value: true, reason: true } })
    },

    /** Every stored problem, in keyset batches (the downloadable report). */
    async *problemBatches(id: string, size = 2000): AsyncGenerator<StoredProblem[]> {
      let after = 0
      for (;;) {
        const rows = await db.importProblem.findMany({ where: { jobId: id, id: { gt: after } }, orderBy: { id: 'asc' }, take: size, select: { id: true, row: true, column: true, value: true, reason: true } })
        if (rows.length > 0) yield rows.map(({ id: _id, ...p }) => p)
        if (rows.length < size) return
        after = rows[rows.length - 1].id
      }
    },
  }
}

export type ImportJobsRepository = ReturnType<typeof createImportJobsRepository>
