// Staff upload a CSV or XLSX file for import: the kind's permission is checked, the file is read as
// a stream with a byte counter (refused as soon as it passes the limit, whatever size the request
// declared), hashed with SHA-256 and stored with its job in one transaction. The dry run starts
// outside the request (run-import-job.ts).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { InputError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import type { ImportEngine } from './run-import-job'
import { createImportJobsRepository, IMPORT_CHUNK_BYTES, type ImportJobRow } from './import-jobs-repository'

export const uploadImportSchema = z.object({
  kind: z.string({ error: '请选择导入的数据类型' }).trim().min(1, { error: '请选择导入的数据类型' }).max(40),
  fileName: z
    .string({ error: '请选择文件' })
    .trim()
    .min(1, { error: '请选择文件' })
    .max(200, { error: '文件名过长' }),
})

/** The stored format of a file name, or an InputError that says what to do instead. */
export function importFormatOf(fileName: string): 'csv' | 'xlsx' {
  const ext = fileName.toLowerCase().split('.').pop()
  if (ext === 'csv') return 'csv'
  if (ext === 'xlsx') return 'xlsx'
  if (ext === 'xls' || ext === 'et' || ext === 'wps') throw new InputError({ file: '不支持旧版 Excel（.xls）或 WPS 格式，请在 Excel 或 WPS 中另存为 .xlsx 或 CSV UTF-8 后上传' })
  throw new InputError({ file: '只能上传 .xlsx 或 .csv 文件' })
}

export class ImportFileTooLargeError extends InputError {
  constructor(readonly maxBytes: number) {
    super({ file: `文件超过 ${Math.floor(maxBytes / (1024 * 1024))} MB，请拆分后分批导入` })
    this.name = 'ImportFileTooLargeError'
  }
}

export async function uploadImportFile(
  db: Db,
  actor: Actor,
  engine: Pick<ImportEngine, 'handlerFor'>,
  input: { kind: string; fileName: string; body: AsyncIterable<Uint8Array> },
  limits: { maxBytes: number },
  now = new Date(),
): Promise<ImportJobRow> {
  authorize(actor, 'data.import')
  const parsed = uploadImportSchema.safeParse({ kind: input.kind, fileName: input.fileName })
  if (!parsed.success) throw new InputError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])))
  const handler = engine.handlerFor(parsed.data.kind)
  if (!handler) throw new InputError({ kind: '不支持的导入数据类型' })
  authorize(actor, handler.permission)
  const format = importFormatOf(parsed.data.fileName)

  const hash = createHash('sha256')
  const chunks: Uint8Array[] = []
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  let total = 0
  const flush = () => {
    if (pendingBytes === 0) return
    chunks.push(Buffer.concat(pending, pendingBytes))
    pending = []
    pendingBytes = 0
  }
  for await (const piece of input.body) {
    total += piece.byteLength
    if (total > limits.maxBytes) throw new ImportFileTooLargeError(limits.maxBytes)
    hash.update(piece)
    let offset = 0
    while (offset < piece.byteLength) {
      const take = Math.min(IMPORT_CHUNK_BYTES - pendingBytes, piece.byteLength - offset)
      pending.push(piece.subarray(offset, offset + take))
      pendingBytes += take
      offset += take
      if (pendingBytes === IMPORT_CHUNK_BYTES) flush()
    }
  }
  flush()
  if (total === 0) throw new InputError({ file: '文件是空的' })
  return createImportJobsRepository(db).create({
    kind: parsed.data.kind,
    fileName: parsed.data.fileName,
    format,
    fileSha256: hash.digest('hex'),
    chunks,
    createdById: actor.userId,
    createdAt: now,
  })
}
