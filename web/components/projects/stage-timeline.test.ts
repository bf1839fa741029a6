// The timeline, participants and records rendered to HTML: ordered, worded, linked, no personal data.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { buildTimeline, groupParticipants, type StageDocument } from '@shared/projects/project-timeline'
import type { Stage } from '@shared/domain/stages'
import { ProjectParticipants } from './project-participants'
import { ProjectRecords } from './project-records'
import { StageReachedBadge } from './stage-reached-badge'
import { StageTimeline } from './stage-timeline'

const doc = (stage: Stage, number: string, date: string, extra: Partial<StageDocument> = {}): StageDocument & { stage: Stage } => ({
  stage, number, date, status: 'ACTIVE', authorityName: '海口市住房和城乡建设局', party: null, contractPrice: null, agency: null, revokedOn: null, revocationReason: null, ...extra,
})

describe('StageTimeline', () => {
  const html = renderToStaticMarkup(
    createElement(StageTimeline, {
      headingId: 'stages',
      stages: buildTimeline([
        doc('CONTRACT_FILING', 'HT4601002024000001', '2024-01-05', { party: { role: 'CONTRACTOR', name: '海南测试建工集团有限公司', uscc: '91460100TEST00004D' }, contractPrice: 11000 }),
        doc('DRAWING_REVIEW', 'SC4601002024000001', '2024-01-20', { agency: '海南测试施工图审查中心' }),
        doc('SUPERVISION_FILING', 'JD4601002024000001', '2024-02-01'),
        doc('CONSTRUCTION_PERMIT', '460100202403150101', '2024-03-15', { status: 'REVOKED', revokedOn: '2024-04-01', revocationReason: '建设单位申请撤回施工许可' }),
      ]),
    }),
  )

  it('is one ordered list of the five stages, labelled by its heading', () => {
    expect(html.startsWith('<ol aria-labelledby="stages"')).toBe(true)
    expect(html.match(/<li class="relative/g)).toHaveLength(5)
    const order = ['合同备案', '施工图审查', '质量安全报监', '施工许可', '竣工验收备案'].map((label) => html.indexOf(`</span>${label}</h3>`))
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]))).toBe(true)
  })

  it('says in words whether each stage is done', () => {
    expect(html.match(/>已办理</g)).toHaveLength(3)
    expect(html).toContain('>已撤销<')
    expect(html).toContain('>未办理<')
    expect(html).toContain('办理日期：2024-01-05')
    expect(html).toContain('本环节的证照已全部撤销')
  })

  it('links permits and shows revocations, parties, agencies and authorities', () => {
    expect(html).toContain('href="/permits/460100202403150101"')
    expect(html).toContain('撤销原因')
    expect(html).toContain('建设单位申请撤回施工许可')
    expect(html).toContain('href="/enterprises/91460100TEST00004D"')
    expect(html).toContain('11,000 万元')
    expect(html).toContain('海南测试施工图审查中心')
    expect(html).toContain('海口市住房和城乡建设局')
    expect(html).not.toContain('href="/contract')
  })
})

describe('ProjectParticipants', () => {
  const html = renderToStaticMarkup(
    createElement(ProjectParticipants, {
      headingId: 'participants',
      groups: groupParticipants({ name: '海南测试置业有限公司', uscc: '91460100TEST00001A' }, [], [{ role: 'PROJECT_MANAGER', person: { id: 'cpe1', name: '陈测试' } }]),
    }),
  )

  it('is a table with column and row headers, one row per role', () => {
    expect(html.match(/<th scope="col"/g)).toHaveLength(3)
    expect(html).toContain("及关键岗位人员")
    expect(html.match(/<th scope="row"/g)).toHaveLength(5)
    expect(html).toContain('未登记')
  })

  it('links enterprises and key people', () => {
    expect(html).toContain('href="/enterprises/91460100TEST00001A"')
    expect(html).toContain('项目经理：</span><a href="/practitioners/cpe1">陈测试</a>')
  })
})

describe('ProjectRecords and StageReachedBadge', () => {
  it('shows a record with its kind in words, decision number and period', () => {
    const html = renderToStaticMarkup(
      createElement(ProjectRecords, {
        records: [
          { kind: 'BAD', title: '特种作业人员未持证上岗', decisionNumber: '海口住建罚字〔2026〕第8号', decidedOn: '2026-03-01', issuedBy: '海口市住房和城乡建设局', publishFrom: '2026-03-01', lastPublicDay: '2026-08-31', subject: { type: 'PERSON', id: 'cpe1', name: '陈测试' } },
        ],
      }),
    )
    expect(html).toContain('不良行为')
    expect(html).toContain('海口住建罚字〔2026〕第8号')
    expect(html).toContain('2026-03-01 至 2026-08-31')
    expect(html).toContain('href="/practitioners/cpe1"')
  })

  it('words how far a project has got', () => {
    expect(renderToStaticMarkup(createElement(StageReachedBadge, { stage: 'CONSTRUCTION_PERMIT' }))).toContain('已办理至施工许可（4/5）')
    expect(renderToStaticMarkup(createElement(StageReachedBadge, { stage: null }))).toContain('尚未办理')
  })
})
