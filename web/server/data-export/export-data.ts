// Export for re-import (issue 13): one authority's data (or everything) as the bulk import's own
// files, one CSV per import kind in the order the kinds must be imported, so that the data can be
// moved to another instance or imported again (docs/import.md "Export for re-import"). Rows are
// read a keyset page at a time and each page is written to the sink before the next is read, so
// memory stays flat however large the tables are.
//
// Who exports: an operator with the database's URL (scripts/export/data.ts), or a staff member who
// may import and see personal data (the files carry full ID numbers and phones), for their own
// regions only; a staff member's export is recorded in the audit log with what it wrote.
import type { Db } from '@db/client'
import { IMPORT_KINDS } from '@shared/import/import-kinds'
import { IMPORT_KIND_IDS, importKindSchema, type ImportKindId } from '@shared/import/import-kind-ids'
import { actsFor, type Actor } from '@shared/staff/actor'
import { z } from 'zod'
import { appendAuditEntry, withAuditRetry } from '@web/server/audit/audit-log-repository'
import { InputError, NotFoundError } from '@web/server/lib/errors'
import { authorize } from '@web/server/staff/authorize'
import { createDataExportRepository, type DataExportRepository, type ExportPage, type ExportRegions } from './data-export-repository'
import { csvBody, csvHead } from './export-csv'
import * as rows from './export-rows'
import type { ExportRow, ExportValues } from './export-rows'

/** Where the files go: one file at a time, begun, written in pieces (awaiting backpressure), ended. */
export interface DataExportSink {
  begin(fileName: string): Promise<void>
  write(text: string): Promise<void>
  end(): Promise<void>
}

/** A staff member, or the operator running the command with the database's URL. */
export type Exporter = Actor | 'operator'

const optionsSchema = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/, { error: '行政区划代码应为6位数字' })
    .optional(),
  kinds: z.array(importKindSchema).min(1, { error: '请至少选择一种数据' }).optional(),
  pageSize: z.number().int().min(1).max(10_000).default(1000),
})
export type DataExportOptions = z.input<typeof optionsSchema>

export interface ExportedFile {
  kind: ImportKindId
  fileName: string
  rows: number
  /** stored rows the importer cannot represent, by reason (export-rows.ts SKIP_REASONS) */
  skipped: Record<string, number>
}

interface Source<R extends { id: string }> {
  read(repo: DataExportRepository, page: ExportPage): Promise<R[]>
  row(stored: R): ExportRow
}

const source = <R extends { id: string }>(read: Source<R>['read'], row: Source<R>['row']): Source<{ id: string }> =>
  ({ read, row }) as unknown as Source<{ id: string }>

/** Where each kind's rows come from; the columns are the import spec's. */
const SOURCES: Record<ImportKindId, Source<{ id: string }>> = {
  enterprises: source((r, p) => r.enterprises(p), rows.enterpriseRow),
  qualifications: source((r, p) => r.qualifications(p), rows.qualificationRow),
  practitioners: source((r, p) => r.practitioners(p), rows.practitionerRow),
  registrations: source((r, p) => r.registrations(p), rows.registrationRow),
  projects: source((r, p) => r.projects(p), rows.projectRow),
  'contract-filings': source((r, p) => r.contractFilings(p), rows.contractFilingRow),
  'drawing-reviews': source((r, p) => r.drawingReviews(p), rows.drawingReviewRow),
  'supervision-filings': source((r, p) => r.supervisionFilings(p), rows.supervisionFilingRow),
  'construction-permits': source((r, p) => r.permits(p), rows.permitRow),
  'completion-filings': source((r, p) => r.completionFilings(p), rows.completionFilingRow),
  'integrity-records': source((r, p) => r.integrityRecords(p), rows.integrityRecordRow),
}

/** The file of a kind: its place in the import order, then its id (01-enterprises.csv). */
export function exportFileName(kind: ImportKindId): string {
  return `${String(IMPORT_KIND_IDS.indexOf(kind) + 1).padStart(2, '0')}-${kind}.csv`
}

async function regionsOf(repo: DataExportRepository, exporter: Exporter, region: string | undefined): Promise<ExportRegions> {
  if (region !== undefined) {
    if ((await repo.knownRegions([region])).length === 0) throw new InputError({ region: `没有行政区划代码为 ${region} 的地区` })
    if (exporter !== 'operator' && !actsFor(exporter, region)) throw new NotFoundError('该地区')
    return [region]
  }
  return exporter === 'operator' ? 'ALL' : exporter.regions
}

async function exportKind(repo: DataExportRepository, kind: ImportKindId, regions: ExportRegions, pageSize: number, sink: DataExportSink): Promise<ExportedFile> {
  const spec = IMPORT_KINDS[kind]
  const { read, row } = SOURCES[kind]
  const file: ExportedFile = { kind, fileName: exportFileName(kind), rows: 0, skipped: {} }
  await sink.begin(file.fileName)
  try {
    await sink.write(csvHead(spec))
    let after: string | undefined
    for (;;) {
      const page = await read(repo, { after, take: pageSize, regions })
      if (page.length === 0) break
      const out: ExportValues[] = []
      for (const stored of page) {
        const mapped = row(stored)
        if ('skip' in mapped) file.skipped[mapped.skip] = (file.skipped[mapped.skip] ?? 0) + 1
        else out.push(mapped.values)
      }
      await sink.write(csvBody(spec, out))
      file.rows += out.length
      after = page[page.length - 1].id
      if (page.length < pageSize) break
    }
  } finally {
    await sink.end()
  }
  return file
}

/** Writes the files of the chosen kinds (default all), in import order, and says what each holds. */
export async function exportData(db: Db, exporter: Exporter, options: DataExportOptions, sink: DataExportSink, now = new Date()): Promise<ExportedFile[]> {
  if (exporter !== 'operator') {
    authorize(exporter, 'data.import')
    authorize(exporter, 'personal-data.view')
  }
  const parsed = optionsSchema.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new InputError({ [String(issue.path[0] ?? 'options')]: issue.message })
  }
  const repo = createDataExportRepository(db)
  const regions = await regionsOf(repo, exporter, parsed.data.region)
  const chosen = new Set(parsed.data.kinds ?? IMPORT_KIND_IDS)
  const files: ExportedFile[] = []
  for (const kind of IMPORT_KIND_IDS) {
    if (chosen.has(kind)) files.push(await exportKind(repo, kind, regions, parsed.data.pageSize, sink))
  }
  if (exporter !== 'operator') {
    await withAuditRetry(db, (tx) =>
      appendAuditEntry(tx, {
        userId: exporter.userId,
        clientIp: exporter.clientIp,
        action: 'data.export',
        entity: 'DataExport',
        entityId: now.toISOString(),
        // what left the database, never the values themselves
        changes: { regions, files: files.map((f) => ({ kind: f.kind, rows: f.rows, skipped: f.skipped })) },
        at: now,
      }),
    )
  }
  return files
}
