import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { GENERATED_BEGIN, GENERATED_END, renderStandardMarkdown } from './markdown'
import { HN_2026_1 } from './standard-2026'

const doc = readFileSync(new URL('../../docs/scoring-standard.md', import.meta.url), 'utf8')

describe('docs/scoring-standard.md', () => {
  it('holds the tables generated from the current standard (run print-standard.ts --write after a change)', () => {
    const begin = doc.indexOf(GENERATED_BEGIN)
    const end = doc.indexOf(GENERATED_END)
    expect(begin).toBeGreaterThan(0)
    expect(end).toBeGreaterThan(begin)
    expect(doc.slice(begin + GENERATED_BEGIN.length, end).trim()).toBe(renderStandardMarkdown(HN_2026_1).trim())
  })

  it('renders every category, class, grade, ground and source of the standard', () => {
    const md = renderStandardMarkdown(HN_2026_1)
    for (const c of HN_2026_1.categories) expect(md).toContain(`| \`${c.code}\` | ${c.label} |`)
    for (const c of HN_2026_1.classes) expect(md).toContain(`**${c.label}**`)
    for (const g of HN_2026_1.blacklist.grounds) expect(md).toContain(`| ${g.label} | ${g.description} |`)
    for (const s of HN_2026_1.sources) expect(md).toContain(s.title)
    expect(md).toContain('| `BAD.PENALTY.SERIOUS` | 较重行政处罚 | 不良行为 | −5（可配置） | 12（可配置） |')
    expect(md).toContain('12个月内（按处罚决定日）累计2条“较大质量安全事故”')
  })
})
