// The filtered audit entries as CSV (UTF-8 with BOM, formula-safe), streamed in keyset batches:
// GET with the page's filters. The auditor only (401 signed out, 403 any other role), never cached.
import { NextResponse } from 'next/server'
import { issuesFromZod } from '@web/lib/api/api-error'
import { searchParamsObject } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { csvExport, type ExportColumn } from '@web/lib/export/export-response'
import { currentActor } from '@web/lib/staff/session'
import { auditQuerySchema } from '@web/server/audit/audit-queries'
import type { AuditEntry } from '@web/server/audit/audit-schemas'
import { exportAuditEntries } from '@web/server/audit/export-audit-entries'
import { ForbiddenError } from '@web/server/lib/errors'
import { staffExportRoute } from '@web/lib/staff/staff-export-route'

const noStore = { 'Cache-Control': 'no-store' }

const COLUMNS: ExportColumn<AuditEntry>[] = [
  { header: '序号', value: (e) => e.seq },
  { header: '时间（UTC）', value: (e) => e.at },
  { header: '用户名', value: (e) => e.username },
  { header: '姓名', value: (e) => e.displayName },
  { header: '用户ID', value: (e) => e.userId },
  { header: '客户端地址', value: (e) => e.clientIp },
  { header: '操作', value: (e) => e.action },
  { header: '对象类型', value: (e) => e.entity },
  { header: '对象编号', value: (e) => e.entityId },
  { header: '变更（JSON）', value: (e) => e.changes },
  { header: '哈希', value: (e) => e.hash },
]

export const GET = staffExportRoute(async (request: Request) => {
  const actor = await currentActor()
  if (!actor) return NextResponse.json({ error: '请先登录' }, { status: 401, headers: noStore })
  const parsed = auditQuerySchema.safeParse(searchParamsObject(request.url))
  if (!parsed.success) return NextResponse.json({ error: '筛选条件有误', issues: issuesFromZod(parsed.error) }, { status: 400, headers: noStore })
  try {
    const batches = exportAuditEntries(getDb(), actor, parsed.data)
    const response = csvExport(`审计日志_${new Date().toISOString().slice(0, 10)}`, COLUMNS, batches)
    return response
  } catch (error) {
    if (error instanceof ForbiddenError) return NextResponse.json({ error: error.message }, { status: 403, headers: noStore })
    throw error
  }
})
