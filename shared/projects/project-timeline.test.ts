import { describe, expect, it } from 'vitest'
import { STAGE_ORDER, type Stage } from '@shared/domain/stages'
import { buildTimeline, dayBefore, furthestStage, groupParticipants, stagesFrom, type StageDocument } from './project-timeline'

function doc(stage: Stage, number: string, date: string, status: StageDocument['status'] = 'ACTIVE'): StageDocument & { stage: Stage } {
  return { stage, number, date, status, authorityName: '海口市住房和城乡建设局', party: null, contractPrice: null, agency: null, revokedOn: null, revocationReason: null }
}

describe('buildTimeline', () => {
  it('always gives the five stages in legal order, numbered 1-5, undone when empty', () => {
    const timeline = buildTimeline([])
    expect(timeline.map((s) => s.stage)).toEqual([...STAGE_ORDER])
    expect(timeline.map((s) => s.number)).toEqual([1, 2, 3, 4, 5])
    expect(timeline.every((s) => !s.done && s.doneOn === null && s.documents.length === 0)).toBe(true)
  })

  it('puts each document under its stage whatever the input order, oldest first', () => {
    const timeline = buildTimeline([
      doc('CONSTRUCTION_PERMIT', '460100202403150101', '2024-03-15'),
      doc('CONTRACT_FILING', 'HT4601002024000002', '2024-02-01'),
      doc('DRAWING_REVIEW', 'SC4601002024000001', '2024-01-20'),
      doc('CONTRACT_FILING', 'HT4601002024000001', '2024-01-05'),
      doc('SUPERVISION_FILING', 'JD4601002024000001', '2024-03-01'),
    ])
    expect(timeline.map((s) => s.done)).toEqual([true, true, true, true, false])
    expect(timeline[0].documents.map((d) => d.number)).toEqual(['HT4601002024000001', 'HT4601002024000002'])
    expect(timeline[0].doneOn).toBe('2024-01-05')
    expect(timeline[3].doneOn).toBe('2024-03-15')
    expect(timeline[3].documents[0]).not.toHaveProperty('stage')
  })

  it('orders documents of one day by number', () => {
    const timeline = buildTimeline([doc('CONTRACT_FILING', 'HT2', '2024-01-05'), doc('CONTRACT_FILING', 'HT1', '2024-01-05')])
    expect(timeline[0].documents.map((d) => d.number)).toEqual(['HT1', 'HT2'])
  })

  it('keeps a revoked document but does not count it as done', () => {
    const timeline = buildTimeline([doc('CONSTRUCTION_PERMIT', 'P1', '2024-03-15', 'REVOKED')])
    expect(timeline[3]).toMatchObject({ done: false, doneOn: null })
    expect(timeline[3].documents).toHaveLength(1)
  })

  it('dates a stage by its earliest document that is not revoked; superseded ones count', () => {
    const timeline = buildTimeline([
      doc('CONSTRUCTION_PERMIT', 'P1', '2024-01-10', 'REVOKED'),
      doc('CONSTRUCTION_PERMIT', 'P2', '2024-02-10', 'SUPERSEDED'),
      doc('CONSTRUCTION_PERMIT', 'P3', '2024-03-10'),
    ])
    expect(timeline[3]).toMatchObject({ done: true, doneOn: '2024-02-10' })
    expect(timeline[3].documents.map((d) => d.number)).toEqual(['P1', 'P2', 'P3'])
  })
})

describe('furthestStage and stagesFrom', () => {
  it('is the last stage that is done, null before the first', () => {
    expect(furthestStage(() => false)).toBeNull()
    expect(furthestStage((s) => s === 'CONTRACT_FILING' || s === 'DRAWING_REVIEW')).toBe('DRAWING_REVIEW')
    expect(furthestStage(() => true)).toBe('COMPLETION_FILING')
  })

  it('counts a later stage even when an earlier one is missing', () => {
    expect(furthestStage((s) => s === 'CONSTRUCTION_PERMIT')).toBe('CONSTRUCTION_PERMIT')
  })

  it('lists a stage and every later one', () => {
    expect(stagesFrom('CONTRACT_FILING')).toEqual([...STAGE_ORDER])
    expect(stagesFrom('CONSTRUCTION_PERMIT')).toEqual(['CONSTRUCTION_PERMIT', 'COMPLETION_FILING'])
    expect(stagesFrom('COMPLETION_FILING')).toEqual(['COMPLETION_FILING'])
  })
})

describe('groupParticipants', () => {
  const owner = { name: '海口城市建设投资有限公司', uscc: '91460100MA5T000001' }
  const contractor = { name: '海南椰城建设工程有限公司', uscc: '91460100MA5T000002' }
  const supervisor = { name: '海南海建工程监理有限公司', uscc: '91460100MA5T000003' }

  it('gives the five roles in order with their enterprises and key people', () => {
    const groups = groupParticipants(
      owner,
      [
        { role: 'SUPERVISOR', enterprise: supervisor },
        { role: 'OWNER', enterprise: owner },
        { role: 'CONTRACTOR', enterprise: contractor },
      ],
      [
        { role: 'SAFETY_OFFICER', person: { id: 'p3', name: '王五' } },
        { role: 'CHIEF_SUPERVISOR', person: { id: 'p2', name: '李四' } },
        { role: 'PROJECT_MANAGER', person: { id: 'p1', name: '张三' } },
      ],
    )
    expect(groups.map((g) => g.role)).toEqual(['OWNER', 'SURVEY', 'DESIGN', 'CONTRACTOR', 'SUPERVISOR'])
    expect(groups[0].enterprises).toEqual([owner])
    expect(groups[1]).toEqual({ role: 'SURVEY', enterprises: [], keyPeople: [] })
    expect(groups[3].enterprises).toEqual([contractor])
    expect(groups[3].keyPeople).toEqual([
      { role: 'PROJECT_MANAGER', id: 'p1', name: '张三' },
      { role: 'SAFETY_OFFICER', id: 'p3', name: '王五' },
    ])
    expect(groups[4].keyPeople).toEqual([{ role: 'CHIEF_SUPERVISOR', id: 'p2', name: '李四' }])
  })

  it('lists the owner of record even without a participant row, and each enterprise once', () => {
    const groups = groupParticipants(owner, [
      { role: 'CONTRACTOR', enterprise: contractor },
      { role: 'CONTRACTOR', enterprise: contractor },
    ], [])
    expect(groups[0].enterprises).toEqual([owner])
    expect(groups[3].enterprises).toEqual([contractor])
  })

  it('never carries more of a person than id, name and role', () => {
    const groups = groupParticipants(owner, [], [{ role: 'PROJECT_MANAGER', person: { id: 'p1', name: '张三', idNumber: '460100198001010011', phone: '13800000000' } as { id: string; name: string } }])
    expect(Object.keys(groups[3].keyPeople[0]).sort()).toEqual(['id', 'name', 'role'])
  })
})

describe('dayBefore', () => {
  it('steps back one calendar day across months and leap days', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29')
    expect(dayBefore('2025-01-01')).toBe('2024-12-31')
  })
})
