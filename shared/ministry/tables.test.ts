import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MINISTRY_CODE_TABLES } from './code-tables'
import { MAPPING_BEGIN, MAPPING_END, mappingMarkdown } from './mapping-doc'
import { MINISTRY_SOURCES } from './sources'
import { isConfirmed, MINISTRY_TABLES } from './tables'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

describe('ministry tables as data', () => {
  it('names each table once and each field once per table', () => {
    const names = MINISTRY_TABLES.map((t) => t.name)
    expect(new Set(names).size).toBe(names.length)
    for (const t of MINISTRY_TABLES) {
      const fields = t.fields.map((f) => f.name)
      expect(new Set(fields).size, t.name).toBe(fields.length)
    }
  })

  it('cites only known sources, and every field of a table cites one of the table\'s sources', () => {
    for (const t of MINISTRY_TABLES) {
      for (const s of t.sources) expect(MINISTRY_SOURCES).toHaveProperty(s)
      for (const f of t.fields) {
        expect(f.sources.length, `${t.name}.${f.name}`).toBeGreaterThan(0)
        for (const s of f.sources) expect(t.sources as readonly string[], `${t.name}.${f.name}`).toContain(s)
      }
    }
  })

  it('counts a field as confirmed only when a source with an address names it', () => {
    const corpName = MINISTRY_TABLES[0].fields[0]
    expect(isConfirmed(corpName)).toBe(true)
    expect(isConfirmed({ ...corpName, sources: ['PAGE_CORP_TYPES'] })).toBe(false)
  })

  it('keeps every code table free of duplicate codes', () => {
    for (const t of MINISTRY_CODE_TABLES) {
      const codes = t.codes.map(([code]) => code)
      expect(new Set(codes).size, t.name).toBe(codes.length)
    }
  })
})

describe('docs/ministry-export.md', () => {
  it('holds the mapping generated from these tables (npx tsx shared/ministry/print-mapping.ts prints it)', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/ministry-export.md'), 'utf8')
    const start = doc.indexOf(MAPPING_BEGIN)
    const end = doc.indexOf(MAPPING_END)
    expect(start, 'the begin marker').toBeGreaterThanOrEqual(0)
    expect(end, 'the end marker').toBeGreaterThan(start)
    expect(doc.slice(start, end + MAPPING_END.length)).toBe(mappingMarkdown())
  })
})
