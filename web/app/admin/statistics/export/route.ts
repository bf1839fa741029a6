// The province table as CSV (UTF-8 with BOM) or XLSX: GET ?format=csv|xlsx. Signed-in staff with
// 'statistics.read' only (401 / 403), never cached, no CORS headers.
import { NextResponse } from 'next/server'
import { getDb } from '@web/lib/db'
import { env } from '@web/lib/env'
import { csvExport } from '@web/lib/export/export-response'
import {
  provinceTableExportColumns,
  provinceTableExportRows,
  provinceTableFilename,
  provinceTableXlsx,
} from '@web/lib/export/province-table-export'
import { currentActor } from '@web/lib/staff/session'
import { getProvinceTable } from '@web/server/dashboard/get-province-table'
import { ForbiddenError } from '@web/server/lib/errors'
import { staffExportRoute } from '@web/lib/staff/staff-export-route'

const noStore = { 'Cache-Control': 'no-store' }

export const GET = staffExportRoute(async (request: Request) => {
  const format = new URL(request.url).searchParams.get('format') ?? 'xlsx'
  if (format !== 'csv' && format !== 'xlsx') return NextResponse.json({ error: 'format 应为 csv 或 xlsx' }, { status: 400, headers: noStore })
  const actor = await currentActor()
  if (!actor) return NextResponse.json({ error: '请先登录' }, { status: 401, headers: noStore })
  let table
  try {
    table = await getProvinceTable(getDb(), actor, { dropPercent: env.LAG_DROP_PERCENT, zeroMonthAfterDays: env.LAG_ZERO_MONTH_AFTER_DAYS })
  } catch (error) {
    if (error instanceof ForbiddenError) return NextResponse.json({ error: error.message }, { status: 403, headers: noStore })
    throw error
  }
  const filename = provinceTableFilename(table)
  if (format === 'csv') {
    return csvExport(filename, provinceTableExportColumns(table), (async function* () {
      yield provinceTableExportRows(table)
    })())
  }
  const ascii = `${filename.replace(/[^\x20-\x7e]/g, '_')}.xlsx`
  return new Response(await provinceTableXlsx(table), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${filename}.xlsx`)}`,
      ...noStore,
    },
  })
})
