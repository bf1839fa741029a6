import { describe, it, expect } from 'vitest'
import { STAGES, STAGE_LABELS, STAGE_ORDER, checkStageSequence, previousStage, stageSchema, type StageEvent } from './stages'

const full: StageEvent[] = [
  { stage: 'CONTRACT_FILING', date: '2023-01-10' },
  { stage: 'DRAWING_REVIEW', date: '2023-02-20' },
  { stage: 'SUPERVISION_FILING', date: '2023-03-01' },
  { stage: 'CONSTRUCTION_PERMIT', date: '2023-03-15' },
  { stage: 'COMPLETION_FILING', date: '2025-06-30' },
]

describe('stages', () => {
  it('lists the five stages in order with labels', () => {
    expect(STAGE_ORDER).toEqual([
      'CONTRACT_FILING',
      'DRAWING_REVIEW',
      'SUPERVISION_FILING',
      'CONSTRUCTION_PERMIT',
      'COMPLETION_FILING',
    ])
    expect(STAGES.map((s) => s.number)).toEqual([1, 2, 3, 4, 5])
    expect(STAGE_LABELS.SUPERVISION_FILING).toBe('质量安全报监')
    expect(previousStage('CONTRACT_FILING')).toBeNull()
    expect(previousStage('COMPLETION_FILING')).toBe('CONSTRUCTION_PERMIT')
    expect(stageSchema.safeParse('ACCEPTANCE').success).toBe(false)
  })
})

describe('checkStageSequence', () => {
  it('accepts a complete sequence, a partial one and an empty one, in any input order', () => {
    expect(checkStageSequence(full)).toEqual([])
    expect(checkStageSequence([...full].reverse())).toEqual([])
    expect(checkStageSequence(full.slice(0, 3))).toEqual([])
    expect(checkStageSequence([])).toEqual([])
  })

  it('accepts stages on the same day', () => {
    expect(
      checkStageSequence([
        { stage: 'CONTRACT_FILING', date: '2023-01-10' },
        { stage: 'DRAWING_REVIEW', date: '2023-01-10' },
      ]),
    ).toEqual([])
  })

  it('reports a stage without its predecessor', () => {
    const events = full.filter((e) => e.stage !== 'SUPERVISION_FILING')
    expect(checkStageSequence(events)).toEqual([
      { kind: 'MISSING_PREDECESSOR', index: 2, stage: 'CONSTRUCTION_PERMIT', missing: 'SUPERVISION_FILING' },
    ])
    expect(checkStageSequence([{ stage: 'COMPLETION_FILING', date: '2025-01-01' }])).toEqual([
      { kind: 'MISSING_PREDECESSOR', index: 0, stage: 'COMPLETION_FILING', missing: 'CONSTRUCTION_PERMIT' },
    ])
  })

  it('reports a date earlier than the predecessor', () => {
    const events = full.map((e) => (e.stage === 'CONSTRUCTION_PERMIT' ? { ...e, date: '2023-02-28' } : e))
    expect(checkStageSequence(events)).toEqual([
      {
        kind: 'DATE_BEFORE_PREDECESSOR',
        index: 3,
        stage: 'CONSTRUCTION_PERMIT',
        date: '2023-02-28',
        predecessor: 'SUPERVISION_FILING',
        predecessorDate: '2023-03-01',
      },
    ])
  })

  it('compares with the nearest earlier stage present when the predecessor is missing', () => {
    const violations = checkStageSequence([
      { stage: 'CONTRACT_FILING', date: '2023-05-01' },
      { stage: 'SUPERVISION_FILING', date: '2023-04-01' },
    ])
    expect(violations.map((v) => v.kind)).toEqual(['MISSING_PREDECESSOR', 'DATE_BEFORE_PREDECESSOR'])
    expect(violations[1]).toMatchObject({ predecessor: 'CONTRACT_FILING', predecessorDate: '2023-05-01' })
  })

  it('allows repeated stages, comparing each with the earliest predecessor record', () => {
    const events: StageEvent[] = [
      ...full.slice(0, 3),
      { stage: 'CONSTRUCTION_PERMIT', date: '2023-03-15' },
      { stage: 'CONSTRUCTION_PERMIT', date: '2023-09-01' },
      { stage: 'SUPERVISION_FILING', date: '2023-08-20' },
      { stage: 'CONSTRUCTION_PERMIT', date: '2023-02-01' },
    ]
    expect(checkStageSequence(events)).toEqual([
      {
        kind: 'DATE_BEFORE_PREDECESSOR',
        index: 6,
        stage: 'CONSTRUCTION_PERMIT',
        date: '2023-02-01',
        predecessor: 'SUPERVISION_FILING',
        predecessorDate: '2023-03-01',
      },
    ])
  })

  it('reports a missing predecessor once per stage', () => {
    const v = checkStageSequence([
      { stage: 'COMPLETION_FILING', date: '2025-01-01' },
      { stage: 'COMPLETION_FILING', date: '2025-02-01' },
    ])
    expect(v).toHaveLength(1)
  })

  it('takes Date objects as China calendar dates', () => {
    const v = checkStageSequence([
      { stage: 'CONTRACT_FILING', date: '2023-01-10' },
      // 2023-01-09T16:30Z is 00:30 on the 10th in China: same day, no violation
      { stage: 'DRAWING_REVIEW', date: new Date('2023-01-09T16:30:00Z') },
      { stage: 'SUPERVISION_FILING', date: new Date('2023-01-09T15:00:00Z') },
    ])
    expect(v).toEqual([
      {
        kind: 'DATE_BEFORE_PREDECESSOR',
        index: 2,
        stage: 'SUPERVISION_FILING',
        date: '2023-01-09',
        predecessor: 'DRAWING_REVIEW',
        predecessorDate: '2023-01-10',
      },
    ])
  })

  it('reports invalid dates instead of comparing them', () => {
    expect(
      checkStageSequence([
        { stage: 'CONTRACT_FILING', date: '2023-02-30' },
        { stage: 'DRAWING_REVIEW', date: '2023-03-01' },
      ]),
    ).toEqual([{ kind: 'INVALID_DATE', index: 0, stage: 'CONTRACT_FILING' }])
  })
})
