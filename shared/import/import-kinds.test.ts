import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { toHalfWidth } from '../validators/normalize'
import type { CodeTable, ImportKindSpec } from './column-spec'
import { headerKey, matchHeader } from './header'
import { IMPORT_KIND_IDS, IMPORT_KINDS, importKindList, importKindSchema } from './import-kinds'
import { normalizeRow } from './import-row'
import { schemaInput } from './schema-input'

function shapeKeys(schema: z.ZodType | null): string[] {
  if (schema === null) return []
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape
  if (!shape) throw new Error('schema is not an object schema')
  return Object.keys(shape)
}

function fieldSchema(spec: ImportKindSpec, field: string): z.ZodType {
  for (const schema of [spec.formSchema, spec.extraSchema]) {
    const shape = (schema as unknown as { shape?: Record<string, z.ZodType> } | null)?.shape
    if (shape?.[field]) return shape[field]
  }
  throw new Error(`no schema for ${spec.id}.${field}`)
}

/** The template's example row, read like a file's row. */
function exampleRow(spec: ImportKindSpec) {
  const header = matchHeader(spec, spec.columns.map((c) => c.header))
  return normalizeRow(spec, header, spec.columns.map((c) => c.example), 2)
}

describe('the import kinds', () => {
  it('are registered under their ids, in the order of the id list', () => {
    expect(importKindList().map((k) => k.id)).toEqual([...IMPORT_KIND_IDS])
    for (const id of IMPORT_KIND_IDS) expect(IMPORT_KINDS[id].id).toBe(id)
    expect(importKindSchema.safeParse('enterprises').success).toBe(true)
    expect(importKindSchema.safeParse('users').success).toBe(false)
  })

  it.each(IMPORT_KIND_IDS)('%s: has unique fields and headers, a required natural key and a valid sheet name', (id) => {
    const spec = IMPORT_KINDS[id]
    const fields = spec.columns.map((c) => c.field)
    expect(new Set(fields).size).toBe(fields.length)
    expect(new Set(spec.columns.map((c) => headerKey(c.header))).size).toBe(fields.length)
    for (const key of spec.naturalKey) expect(spec.columns.find((c) => c.field === key)?.required, key).toBe(true)
    expect(spec.sheetName.length).toBeLessThanOrEqual(31)
    expect(spec.sheetName).not.toMatch(/[[\]:*?/\\]/)
  })

  it.each(IMPORT_KIND_IDS)('%s: has a column for every field of the form, and no column the schemas do not read', (id) => {
    const spec = IMPORT_KINDS[id]
    const columns = new Set(spec.columns.map((c) => c.field))
    const formFields = shapeKeys(spec.formSchema)
    for (const field of formFields) {
      expect(columns.has(spec.formFieldColumns?.[field] ?? field), `form field ${field}`).toBe(true)
    }
    const read = new Set([...formFields, ...shapeKeys(spec.extraSchema), ...Object.values(spec.formFieldColumns ?? {})])
    for (const field of columns) expect(read.has(field), `column ${field}`).toBe(true)
  })

  it.each(IMPORT_KIND_IDS)('%s: its example row reads without problems and passes the form and extra schemas', (id) => {
    const spec = IMPORT_KINDS[id]
    const row = exampleRow(spec)
    expect(row.problems).toEqual([])
    const input = schemaInput(row)
    // a permit's people are looked up by registration number; the form then gets their ids
    const formInput = spec.formFieldColumns ? { ...input, ...Object.fromEntries(Object.keys(spec.formFieldColumns).map((f) => [f, `person-${f}`])) } : input
    const form = spec.formSchema.safeParse(formInput)
    expect(form.success ? [] : form.error.issues).toEqual([])
    if (spec.extraSchema) {
      const extra = spec.extraSchema.safeParse(input)
      expect(extra.success ? [] : extra.error.issues).toEqual([])
    }
  })

  it.each(IMPORT_KIND_IDS)('%s: every value of its code tables is accepted by the form field', (id) => {
    const spec = IMPORT_KINDS[id]
    for (const column of spec.columns.filter((c) => c.kind === 'enum')) {
      for (const entry of column.codeTable?.entries ?? []) {
        expect(fieldSchema(spec, column.field).safeParse(entry.value).success, `${column.field} ${entry.value}`).toBe(true)
      }
    }
  })

  it('has code tables in which no label, alias or value names two entries', () => {
    const tables = new Set<CodeTable>(importKindList().flatMap((s) => s.columns.flatMap((c) => (c.codeTable ? [c.codeTable] : []))))
    expect(tables.size).toBeGreaterThanOrEqual(8)
    for (const table of tables) {
      const owner = new Map<string, string>()
      for (const e of table.entries) {
        for (const name of [e.value, e.label, ...(e.aliases ?? [])]) {
          const key = toHalfWidth(name).replace(/\s+/g, '').toUpperCase()
          expect(owner.get(key) ?? e.value, `${table.name}: ${name}`).toBe(e.value)
          owner.set(key, e.value)
        }
      }
    }
  })
})

describe('the historical columns', () => {
  const permit = IMPORT_KINDS['construction-permits']
  const completion = IMPORT_KINDS['completion-filings']
  const base = (spec: ImportKindSpec) => schemaInput(exampleRow(spec))
  const issues = (spec: ImportKindSpec, input: Record<string, string>) => {
    const r = spec.extraSchema?.safeParse(input)
    return r && !r.success ? r.error.issues.map((i) => [i.path.join('.'), i.message]) : []
  }

  it('check a permit number with the permit-number validator and against the issue date', () => {
    expect(issues(permit, { ...base(permit), permitNumber: '460100202405080103' })).toEqual([['permitNumber', '施工许可证编号末两位工程类别应为01（房屋建筑）或02（市政基础设施）']])
    expect(issues(permit, { ...base(permit), issuedOn: '2024-05-09' })).toEqual([['issuedOn', '发证日期应与施工许可证编号中的日期（2024-05-08）一致']])
    expect(issues(permit, { ...base(permit), projectManagerRegistrationNumber: '' })).toEqual([['projectManagerRegistrationNumber', '执业注册编号应为1至3位字母或省份简称加6至12位数字']])
    expect(issues(permit, { ...base(permit), chiefSupervisorRegistrationNumber: '' })).toEqual([])
  })

  it('check a completion filing number against the filing date, and the acceptance before the filing', () => {
    expect(issues(completion, { ...base(completion), filingNumber: '460100202606300101' })).toEqual([['filingNumber', '竣工验收备案编号应为JB加18位数字']])
    expect(issues(completion, { ...base(completion), filedOn: '2026-07-01' })).toEqual([['filedOn', '备案日期应与竣工验收备案编号中的日期（2026-06-30）一致']])
    expect(issues(completion, { ...base(completion), acceptedOn: '2026-07-02' })).toEqual([['filedOn', '备案日期不能早于竣工验收日期']])
  })

  it('check an imported project code with the project-code validator', () => {
    const projects = IMPORT_KINDS.projects
    expect(issues(projects, { ...base(projects), projectCode: '46010020241300017' })).toEqual([['projectCode', '项目编码中的年月无效']])
  })
})
