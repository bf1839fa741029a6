// 向住建部基础数据库导出 (the province's share of 四库一平台): the platform's enterprises, practitioners,
// projects, stage records and penalties as rows of the exchange tables (shared/ministry), either
// all of them (no cursor) or the entities changed since a cursor or an instant, as they stand now.
//
// The audit log is the change feed: every staff write appends an entry naming the entity it
// changed. Its seq only grows in commit order (each entry carries the previous entry's hash, and
// prevHash is unique, so two writers cannot both append after the same head), so "every entry up
// to seq S" is a stable point: the cursor names the head read when the export STARTED, and the
// next increment begins after it, so a change written during an export is sent next time rather
// than lost. The seed writes no audit entries, so the full export reads the tables themselves,
// in keyset batches of id order. Tables come out in MINISTRY_TABLES order (subjects before
// projects, projects before stages) so that every reference a row makes was sent before it.
//
// Called the same way by the operator command (scripts/export/ministry.ts) and by the exchange API
// (GET /api/exchange/v1/ministry-export): cursor or instant in, batches of rows and the next cursor
// out. A city's or county's token gets only its regions' rows (`regions`); entities an increment
// names that fall outside them are left out silently, not counted as missing, so a regional export
// learns nothing of other regions but the cursor.
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { decodeMinistryCursor, encodeMinistryCursor, MinistryCursorError } from '@shared/ministry/cursor'
import {
  toTBBuilderLicenceManageRow,
  toTBContractRecordManageRow,
  toTBCorpBasicInfoRow,
  toTBCorpCertInfoRow,
  toTBProjectCensorInfoRow,
  toTBProjectFinishManageRow,
  toTBProjectInfoRow,
  toTBRegPersonRegInfoRow,
  toXzcfRow,
} from '@shared/ministry/rows'
import type { MinistryRow, MinistryTableName } from '@shared/ministry/tables'
import { InputError } from '@web/server/lib/errors'
import { keysetBatches } from '@web/server/lib/keyset-batches'
import {
  toMinistryCompletionFiling,
  toMinistryContractFiling,
  toMinistryDrawingReview,
  toMinistryEnterprise,
  toMinistryPenalty,
  toMinistryPermit,
  toMinistryProject,
  toMinistryQualification,
  toMinistryRegistration,
} from './ministry-entities'
import { createMinistryExportRepository, type MinistryExportRepository, type RowsQuery, type SeqRange } from './ministry-export-repository'

export interface MinistryExportOptions {
  /** the nextCursor of an earlier export: send what changed after it */
  cursor?: string
  /** send what changed at or after this instant (the first audit entry written then or later) */
  since?: Date
  /** rows per database read (default 500) */
  batchSize?: number
  /** only the rows of these regions (the back office's region rules); default every region */
  regions?: Actor['regions']
  /** only these tables (default all, in MINISTRY_TABLES order) */
  tables?: readonly MinistryTableName[]
}

export interface MinistryExportBatch {
  table: MinistryTableName
  rows: MinistryRow[]
}

export interface MinistryExport {
  mode: 'full' | 'incremental'
  /** changes logged after this audit seq are exported; null for a full export */
  afterSeq: number | null
  /** the audit log's newest seq when the export started */
  headSeq: number
  /** pass it as `cursor` next time */
  nextCursor: string
  /** the rows, table by table in MINISTRY_TABLES order, a batch at a time; read once */
  batches: AsyncIterable<MinistryExportBatch>
  /**
   * Changed or existing entities no exchange table takes (SupervisionFiling, IntegrityRecord:GOOD)
   * or that no longer exist (missing:<entity>), counted while the batches are read.
   */
  skipped: Record<string, number>
}

/** Audit entities with no exchange table (docs/ministry-export.md, "Not yet known"). */
const UNEXPORTED_ENTITY = 'SupervisionFiling'
const GOOD_RECORDS = 'IntegrityRecord:GOOD'

interface Derived {
  /** an audit entity whose changes name rows of the table through another entity */
  entity: string
  resolve(ids: string[]): Promise<string[]>
}

interface TablePlan {
  table: MinistryTableName
  /** the audit entity whose ids are this table's rows' ids */
  entity: string
  derived: Derived[]
  rows(query: RowsQuery): Promise<{ id: string; row: MinistryRow }[]>
}

function plan<R extends { id: string }>(
  table: MinistryTableName,
  entity: string,
  read: (query: RowsQuery) => Promise<R[]>,
  toRow: (row: R) => MinistryRow,
  derived: Derived[] = [],
): TablePlan {
  return { table, entity, derived, rows: async (query) => (await read(query)).map((r) => ({ id: r.id, row: toRow(r) })) }
}

function tablePlans(repo: MinistryExportRepository): TablePlan[] {
  const certified = (ids: string[]) => repo.certifiedBy(ids)
  return [
    plan('TBCorpBasicInfo', 'Enterprise', repo.enterprises, (e) => toTBCorpBasicInfoRow(toMinistryEnterprise(e))),
    plan('TBCorpCertInfo', 'Qualification', repo.qualifications, (q) => toTBCorpCertInfoRow(toMinistryQualification(q))),
    plan('TBRegPersonRegInfo', 'Registration', repo.registrations, (r) => toTBRegPersonRegInfoRow(toMinistryRegistration(r)), [
      { entity: 'Person', resolve: (ids) => repo.registrationIdsOf(ids) },
    ]),
    plan('TBProjectInfo', 'Project', repo.projects, (p) => toTBProjectInfoRow(toMinistryProject(p))),
    plan('TBContractRecordManage', 'ContractFiling', repo.contractFilings, (c) => toTBContractRecordManageRow(toMinistryContractFiling(c))),
    plan('TBProjectCensorInfo', 'DrawingReview', repo.drawingReviews, (d) => toTBProjectCensorInfoRow(toMinistryDrawingReview(d))),
    plan('TBBuilderLicenceManage', 'ConstructionPermit', repo.permits, (p) => toTBBuilderLicenceManageRow(toMinistryPermit(p)), [
      { entity: 'Certificate', resolve: async (ids) => (await certified(ids)).permitIds },
    ]),
    plan('TBProjectFinishManage', 'CompletionFiling', repo.completionFilings, (f) => toTBProjectFinishManageRow(toMinistryCompletionFiling(f)), [
      { entity: 'Certificate', resolve: async (ids) => (await certified(ids)).completionFilingIds },
    ]),
    plan('xzcf', 'IntegrityRecord', repo.penalties, (r) => toXzcfRow(toMinistryPenalty(r))),
  ]
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const count = (skipped: Record<string, number>, key: string, n: number) => {
  if (n > 0) skipped[key] = (skipped[key] ?? 0) + n
}

async function* fullBatches(
  repo: MinistryExportRepository,
  plans: TablePlan[],
  batchSize: number,
  skipped: Record<string, number>,
  withUnexported: boolean,
): AsyncGenerator<MinistryExportBatch> {
  for (const p of plans) {
    const pages = keysetBatches((after: string | undefined, take) => p.rows({ after, take }), (r) => r.id, batchSize)
    for await (const page of pages) yield { table: p.table, rows: page.map((r) => r.row) }
  }
  if (!withUnexported) return
  count(skipped, UNEXPORTED_ENTITY, await repo.countSupervisionFilings())
  count(skipped, GOOD_RECORDS, await repo.countGoodRecords())
}

async function* incrementalBatches(
  repo: MinistryExportRepository,
  plans: TablePlan[],
  range: SeqRange,
  batchSize: number,
  skipped: Record<string, number>,
  scoped: boolean,
  withUnexported: boolean,
): AsyncGenerator<MinistryExportBatch> {
  const changed = (entity: string) => keysetBatches((after: string | undefined, take) => repo.changedIds(entity, range, after, take), (id) => id, batchSize)

  for (const p of plans) {
    for await (const ids of changed(p.entity)) {
      const found = await p.rows({ ids })
      if (found.length) yield { table: p.table, rows: found.map((r) => r.row) }
      const foundIds = new Set(found.map((r) => r.id))
      let missing = ids.filter((id) => !foundIds.has(id))
      if (p.entity === 'IntegrityRecord') {
        const good = await repo.goodRecordIds(missing)
        count(skipped, GOOD_RECORDS, good.length)
        missing = missing.filter((id) => !good.includes(id))
      }
      // scoped, an id not found may be another region's: that is no business of this export
      if (!scoped) count(skipped, `missing:${p.entity}`, missing.length)
    }
    // a row reached through another entity goes out once, and not again if it changed itself
    const sent = new Set<string>()
    for (const d of p.derived) {
      for await (const ids of changed(d.entity)) {
        const targets = await d.resolve(ids)
        const direct = await repo.changedAmong(p.entity, range, targets)
        const fresh = targets.filter((id) => !direct.has(id) && !sent.has(id))
        fresh.forEach((id) => sent.add(id))
        for (const part of chunks(fresh, batchSize)) {
          const found = await p.rows({ ids: part })
          if (found.length) yield { table: p.table, rows: found.map((r) => r.row) }
        }
      }
    }
  }
  if (withUnexported) {
    for await (const ids of changed(UNEXPORTED_ENTITY)) count(skipped, UNEXPORTED_ENTITY, scoped ? (await repo.supervisionFilingIdsAmong(ids)).length : ids.length)
  }
}

function startSeq(options: MinistryExportOptions): { cursorSeq: number } | { since: Date } | null {
  if (options.cursor !== undefined && options.since !== undefined) throw new InputError({ cursor: '游标与起始时间只能给一个' })
  if (options.cursor !== undefined) {
    try {
      return { cursorSeq: decodeMinistryCursor(options.cursor) }
    } catch (error) {
      if (error instanceof MinistryCursorError) throw new InputError({ cursor: error.message })
      throw error
    }
  }
  if (options.since !== undefined) {
    if (Number.isNaN(options.since.getTime())) throw new InputError({ since: '起始时间无效' })
    return { since: options.since }
  }
  return null
}

export async function exportToMinistry(db: Db, options: MinistryExportOptions = {}): Promise<MinistryExport> {
  const start = startSeq(options)
  const batchSize = options.batchSize ?? 500
  const regions = options.regions ?? 'ALL'
  const repo = createMinistryExportRepository(db, regions)
  const headSeq = await repo.auditHead()
  const skipped: Record<string, number> = {}
  const plans = tablePlans(repo).filter((p) => options.tables === undefined || options.tables.includes(p.table))
  // what no table takes is counted when the whole export is asked for
  const withUnexported = options.tables === undefined
  const nextCursor = encodeMinistryCursor(headSeq)
  if (start === null) return { mode: 'full', afterSeq: null, headSeq, nextCursor, batches: fullBatches(repo, plans, batchSize, skipped, withUnexported), skipped }

  let afterSeq: number
  if ('cursorSeq' in start) {
    if (start.cursorSeq > headSeq) throw new InputError({ cursor: '游标超出审计日志的最新记录（审计日志可能被截断）：请做一次全量导出' })
    afterSeq = start.cursorSeq
  } else {
    const first = await repo.firstSeqAtOrAfter(start.since)
    afterSeq = first === null ? headSeq : first - 1
  }
  const range = { afterSeq, toSeq: headSeq }
  return { mode: 'incremental', afterSeq, headSeq, nextCursor, batches: incrementalBatches(repo, plans, range, batchSize, skipped, regions !== 'ALL', withUnexported), skipped }
}
