import { describe, expect, it } from 'vitest'
import { addMonths } from '@shared/scoring/days'
import { publicationUntil } from '@shared/scoring/publication'
import { CURRENT_STANDARD } from '@shared/scoring/standards'
import { CATEGORY_GROUPS, categoryOptionLabel, publicationPreview, RECORD_CATEGORIES } from './record-categories'

const good = RECORD_CATEGORIES.find((c) => c.kind === 'GOOD')!
const bad = RECORD_CATEGORIES.find((c) => c.kind === 'BAD')!

describe('the record form: categories and the publication period shown before saving', () => {
  it('offers every category of the current standard, grouped 良好行为 / 不良行为, with points and months', () => {
    expect(CATEGORY_GROUPS.map((g) => g.label)).toEqual(['良好行为', '不良行为'])
    expect(CATEGORY_GROUPS.flatMap((g) => g.categories).length).toBe(CURRENT_STANDARD.categories.length)
    expect(categoryOptionLabel(bad)).toContain(`公示 ${bad.publishMonths} 个月`)
    expect(categoryOptionLabel(bad)).toContain('−')
    expect(categoryOptionLabel(good)).toContain('+')
  })

  it('waits for a category and a decision date', () => {
    expect(publicationPreview({ categoryCode: '', decidedOn: '2026-03-01' })).toEqual({ ready: false, missing: '请选择记录类别' })
    expect(publicationPreview({ categoryCode: bad.code, decidedOn: '' })).toEqual({ ready: false, missing: '请填写决定日期' })
  })

  it('runs from the decision date (or the first public day given) for the category months, last day inclusive', () => {
    const p = publicationPreview({ categoryCode: good.code, decidedOn: '2026-03-01' })
    expect(p).toMatchObject({ ready: true, publishFrom: '2026-03-01', extendedByPenalty: false, points: good.points })
    if (p.ready) expect(p.lastPublicDay < addMonths('2026-03-01', good.publishMonths)).toBe(true)
    const later = publicationPreview({ categoryCode: bad.code, decidedOn: '2026-03-01', publishFrom: '2026-03-10' })
    expect(later).toMatchObject({ ready: true, publishFrom: '2026-03-10' })
  })

  it('agrees with publicationUntil, and a penalty outlasting the category months extends it', () => {
    const penaltyLastDay = addMonths('2026-03-01', bad.publishMonths + 6)
    const p = publicationPreview({ categoryCode: bad.code, decidedOn: '2026-03-01', penaltyLastDay })
    const until = publicationUntil(CURRENT_STANDARD, bad.code, '2026-03-01', penaltyLastDay)
    expect(p).toMatchObject({ ready: true, lastPublicDay: penaltyLastDay, extendedByPenalty: true })
    expect(until > penaltyLastDay).toBe(true)
    // a good record has no penalty: the field is ignored
    expect(publicationPreview({ categoryCode: good.code, decidedOn: '2026-03-01', penaltyLastDay })).toMatchObject({ ready: true, extendedByPenalty: false })
  })
})
