// GET /admin/imports/template?kind=…&format=xlsx|csv — the kind's import template (data sheet with
// an example row, 说明 and 代码表 sheets; or a CSV with a BOM). Signed-in staff who may import only.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { importKindSchema } from '@shared/import/import-kind-ids'
import { can } from '@shared/staff/permissions'
import { writerResponse } from '@web/lib/export/writer-response'
import { currentActor } from '@web/lib/staff/session'
import { importTemplateFileName, writeImportTemplate } from '@web/server/import/write-import-template'

const querySchema = z.object({ kind: importKindSchema, format: z.enum(['xlsx', 'csv'], { error: 'format 应为 xlsx 或 csv' }) })
const noStore = { 'Cache-Control': 'no-store' }

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const

export async function GET(request: Request) {
  const actor = await currentActor()
  if (!actor) return NextResponse.json({ error: '请先登录' }, { status: 401, headers: noStore })
  if (!can(actor.role, 'data.import')) return NextResponse.json({ error: '您的账号没有进行此操作的权限' }, { status: 403, headers: noStore })
  const url = new URL(request.url)
  const parsed = querySchema.safeParse({ kind: url.searchParams.get('kind'), format: url.searchParams.get('format') })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return NextResponse.json({ error: issue.message, field: String(issue.path[0] ?? '') }, { status: 400, headers: noStore })
  }
  const { kind, format } = parsed.data
  return writerResponse(importTemplateFileName(kind, format), CONTENT_TYPES[format], (stream) => writeImportTemplate(kind, format, stream))
}
