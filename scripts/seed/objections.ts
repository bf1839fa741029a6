// Objections (异议) and credit-repair requests (信用修复) in every state, written through the
// portal's own use cases (web/server/objections: submitObjection, reviewObjection), so each has
// its audit entries, its eligibility was checked on the day it was filed, and an accepted one has
// withdrawn its record exactly as staff's decision will.
//
// Per scale unit: 12 submitted in the last ten days, 8 under review, 30 accepted (18 objections,
// 12 repairs: ~30 withdrawn records), 12 rejected. Only records that are no blacklist ground are
// accepted, so that the listings of showcase.ts stand. Contact phones are synthetic mobile
// numbers; e-mail addresses are on example.com.
//
// Each decision is made by a demo reviewer who may make it, as staff would: the reviewer of the
// record's subject's region where the demo has one (海口, 三亚), the province's reviewer elsewhere
// (it acts for every region). Never the administrator, whose role has no business writes.
import type { Db } from '../../prisma/client.ts'
import type { ObjectionKind, ObjectionStatus } from '../../shared/domain/enums.ts'
import { HAINAN_PROVINCE_CODE } from '../../shared/regions/hainan.ts'
import { earliestRepairDay, requestEligibility } from '../../shared/objections/eligibility.ts'
import { objectionInputSchema } from '../../shared/objections/input.ts'
import { CURRENT_STANDARD } from '../../shared/scoring/index.ts'
import { reviewObjection } from '../../web/server/objections/review-objection.ts'
import { submitObjection } from '../../web/server/objections/submit-objection.ts'
import { type Day, dayOf, isoOf } from './days.ts'
import { ID_TAGS, type IdFactory } from './ids.ts'
import type { Rng } from './random.ts'

/** Per scale unit, by final state. */
export const OBJECTION_COUNTS: Record<ObjectionStatus, number> = { SUBMITTED: 12, UNDER_REVIEW: 8, ACCEPTED: 30, REJECTED: 12 }

const BLACKLIST_CATEGORIES = new Set(CURRENT_STANDARD.blacklist.grounds.flatMap((g) => g.triggers.flatMap((t) => t.categories)))

interface Candidate {
  id: string
  kind: 'GOOD' | 'BAD'
  categoryCode: string
  publishFrom: string
  publishUntil: string
  applicant: string
  /** the region of the record's subject (an enterprise's, a practitioner's employer's); null for a practitioner without an employer */
  regionCode: string | null
}

interface Plan {
  status: ObjectionStatus
  kind: ObjectionKind
  /** the days the request may be filed on */
  window: [Day, Day]
  /** days from filing to the (last) decision */
  decisionAfter: [number, number]
}

const OBJECTION_TEXT = {
  reasons: [
    '该处罚决定已在行政复议中被依法撤销，复议决定书已送达，请撤回该条不良行为记录。',
    '记录所涉项目的施工单位并非我单位，记录主体认定有误，请予核实并更正。',
    '记录所载处罚决定文号与我单位收到的决定书不符，处罚事项亦不一致，请核实。',
  ],
  accepted: [
    '经核查，原处罚决定已被复议机关撤销，该记录予以撤回。',
    '经核查，记录主体认定有误，该记录予以撤回。',
  ],
  rejected: [
    '经核查，原处罚决定事实清楚、证据确凿、程序合法，记录内容与决定书一致，不予采纳。',
    '申请人未能提供复议或诉讼撤销原处罚决定的证明材料，不予采纳。',
  ],
}
const REPAIR_TEXT = {
  reasons: ['我单位已全面履行处罚决定，缴清全部罚款并完成整改，现申请信用修复，提前终止该记录的公示。'],
  rectification: [
    '已缴纳全部罚款；对涉事项目完成全面整改并经主管部门复查合格；组织全员安全生产与诚信经营培训；作出信用承诺并在信用中国网站公示。',
    '已按决定书要求限期改正，整改报告经监理单位和主管部门签认；已参加主管部门组织的信用修复专题培训。',
  ],
  accepted: ['经审核，申请人已履行处罚决定并完成整改，公示期已满最短期限，符合信用修复条件，提前终止公示。'],
  rejected: ['整改材料不完整，未提供主管部门复查合格意见，不予采纳；补齐材料后可重新申请。'],
}

const MOBILE_PREFIXES = ['130', '133', '135', '136', '137', '138', '139', '150', '152', '158', '159', '177', '180', '186', '188', '189', '198']

/** Mid-morning to afternoon in China (UTC+8) of a day, as an instant. */
function instantOn(rng: Rng, day: Day): Date {
  return new Date(Date.UTC(1970, 0, 1 + day, rng.int(1, 8), rng.int(0, 59), rng.int(0, 59)))
}

/** The demo reviewers' ids by the region of their authority. */
async function reviewersByRegion(db: Db): Promise<Map<string, string>> {
  const reviewers = await db.user.findMany({ where: { role: 'REVIEWER', active: true }, orderBy: { username: 'asc' }, select: { id: true, authority: { select: { regionCode: true } } } })
  const byRegion = new Map<string, string>()
  for (const r of reviewers) if (r.authority && !byRegion.has(r.authority.regionCode)) byRegion.set(r.authority.regionCode, r.id)
  if (!byRegion.has(HAINAN_PROVINCE_CODE)) throw new Error('the demo staff, with the province\'s reviewer, must be written before the objections')
  return byRegion
}

export async function writeObjections(db: Db, rng: Rng, ids: IdFactory, scale: number, asOf: Day): Promise<void> {
  const reviewers = await reviewersByRegion(db)
  const reviewerOf = (regionCode: string | null) => reviewers.get(regionCode ?? HAINAN_PROVINCE_CODE) ?? reviewers.get(HAINAN_PROVINCE_CODE)!
  const rows = await db.integrityRecord.findMany({
    where: { status: 'ACTIVE' },
    orderBy: { id: 'asc' },
    select: {
      id: true, kind: true, categoryCode: true, publishFrom: true, publishUntil: true,
      enterprise: { select: { name: true, regionCode: true } }, person: { select: { name: true, employer: { select: { regionCode: true } } } },
    },
  })
  const candidates: Candidate[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    categoryCode: r.categoryCode,
    publishFrom: r.publishFrom.toISOString().slice(0, 10),
    publishUntil: r.publishUntil.toISOString().slice(0, 10),
    applicant: r.enterprise?.name ?? r.person!.name,
    regionCode: r.enterprise?.regionCode ?? r.person?.employer?.regionCode ?? null,
  }))

  const plans: Plan[] = []
  const n = (status: ObjectionStatus) => Math.max(1, Math.round(OBJECTION_COUNTS[status] * scale))
  // nothing on the as-of day itself: every instant stays before it, like every other seeded date
  for (let i = n('SUBMITTED'); i > 0; i--) plans.push({ status: 'SUBMITTED', kind: rng.chance(0.3) ? 'REPAIR' : 'OBJECTION', window: [asOf - 10, asOf - 1], decisionAfter: [0, 0] })
  for (let i = n('UNDER_REVIEW'); i > 0; i--) plans.push({ status: 'UNDER_REVIEW', kind: rng.chance(0.3) ? 'REPAIR' : 'OBJECTION', window: [asOf - 40, asOf - 8], decisionAfter: [2, 6] })
  const accepted = n('ACCEPTED')
  const repairs = Math.round(accepted * 0.4)
  for (let i = 0; i < accepted; i++) plans.push({ status: 'ACCEPTED', kind: i < repairs ? 'REPAIR' : 'OBJECTION', window: [asOf - 720, asOf - 30], decisionAfter: [10, 25] })
  for (let i = n('REJECTED'); i > 0; i--) plans.push({ status: 'REJECTED', kind: rng.chance(0.4) ? 'REPAIR' : 'OBJECTION', window: [asOf - 720, asOf - 30], decisionAfter: [10, 25] })

  const used = new Set<string>()
  const bytes = (k: number) => Uint8Array.from({ length: k }, () => rng.int(0, 255))
  for (const plan of plans) {
    // a record the request fits, and a day it could be filed on
    let chosen: { c: Candidate; day: Day } | null = null
    for (let attempt = 0; attempt < 200 && !chosen && candidates.length > 0; attempt++) {
      const c = rng.pick(candidates)
      if (used.has(c.id)) continue
      if (plan.kind === 'REPAIR' && c.kind !== 'BAD') continue
      if (plan.status === 'ACCEPTED' && BLACKLIST_CATEGORIES.has(c.categoryCode)) continue
      // an objection is mostly about a bad record; now and then a good one is disputed (wrong subject)
      if (plan.kind === 'OBJECTION' && c.kind === 'GOOD' && !rng.chance(0.1)) continue
      let lo = Math.max(plan.window[0], dayOf(c.publishFrom) + 7)
      if (plan.kind === 'REPAIR') lo = Math.max(lo, dayOf(earliestRepairDay(c)))
      const hi = Math.min(plan.window[1], dayOf(c.publishUntil) - 1)
      if (lo > hi) continue
      const day = rng.int(lo, hi)
      if (!requestEligibility({ ...c, status: 'ACTIVE' }, plan.kind, isoOf(day)).ok) continue
      chosen = { c, day }
    }
    if (!chosen) continue
    used.add(chosen.c.id)
    const text = plan.kind === 'REPAIR' ? REPAIR_TEXT : OBJECTION_TEXT
    const input = objectionInputSchema.parse({
      recordId: chosen.c.id,
      kind: plan.kind,
      applicantName: chosen.c.applicant,
      contactPhone: `${rng.pick(MOBILE_PREFIXES)}${rng.digits(8)}`,
      email: rng.chance(0.4) ? `xinyong${rng.digits(4)}@example.com` : undefined,
      reasons: rng.pick(text.reasons),
      rectification: plan.kind === 'REPAIR' ? rng.pick(REPAIR_TEXT.rectification) : undefined,
    })
    const submittedAt = instantOn(rng, chosen.day)
    const trackingNumber = await submitObjection(db, input, { now: submittedAt, randomBytes: bytes, id: ids.next(ID_TAGS.Objection) })
    if (plan.status === 'SUBMITTED') continue

    const decided = Math.min(asOf - 1, chosen.day + rng.int(plan.decisionAfter[0], plan.decisionAfter[1]))
    const actor = { userId: reviewerOf(chosen.c.regionCode) }
    if (plan.status === 'UNDER_REVIEW') {
      await reviewObjection(db, trackingNumber, { status: 'UNDER_REVIEW' }, actor, { now: instantOn(rng, decided) })
      continue
    }
    // taken up a few days after filing, decided later
    const takenUp = instantOn(rng, Math.min(decided, chosen.day + rng.int(1, 4)))
    await reviewObjection(db, trackingNumber, { status: 'UNDER_REVIEW' }, actor, { now: takenUp })
    const reason = plan.status === 'ACCEPTED' ? rng.pick(text.accepted) : rng.pick(text.rejected)
    await reviewObjection(db, trackingNumber, { status: plan.status, reason }, actor, {
      now: new Date(Math.max(instantOn(rng, decided).getTime(), takenUp.getTime() + 3_600_000)),
    })
  }
}
