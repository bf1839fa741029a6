// Records that make the demo show the rules the portal enforces, on the as-of day:
//
// - subjects on the blacklist (建市〔2017〕241号 第十四条, shared/scoring/blacklist.ts): a listing
//   lasts 12 months from the record's first public day, and the organic rates (a 出借资质 decision
//   every year or so) leave the list empty on most days. So the last eleven months get, per scale
//   unit, ~8 contractors penalised for 出借资质, 4 firms whose qualification was obtained by
//   deception, 3 owners refusing a court judgment to pay for works, 6 contractors with an
//   egregious 较大 or a 重大 accident (and their project managers: practitioners are listed on the
//   accident ground only, the standard exempts them from the firm-only grounds) and 2 contractors
//   with two 较大 accidents within a year (again with their project manager): ~23 enterprises and
//   ~8 practitioners listed;
// - records whose publication ended within the 90 days before as-of (~30), so the board shows
//   records leaving it and profiles can be checked for not showing them.
//
// Counts scale with `scale` but never drop below one, so that a small test database has each case.
// Accidents and penalties are placed on a real project of the contractor that ran at the time
// (RecordWriter.recentProjects), naming it and its project manager.
import type { Day } from './days.ts'
import { addMonths } from './days.ts'
import type { EnterpriseDirectory, EnterpriseRef } from './enterprises.ts'
import type { Rng } from './random.ts'
import {
  type CategoryCode,
  CONTRACTOR_VIOLATIONS,
  penaltyIssuer,
  provinceIssuer,
  type ProjectRecordContext,
  type RecordWriter,
  regionIssuer,
  RECORD_CATEGORIES,
  violationRecord,
  yuan,
} from './records.ts'
import type { Geography } from './regions-and-authorities.ts'

/** Per scale unit. */
export const SHOWCASE_COUNTS = {
  lend: 8,
  qualificationFraud: 4,
  refusePayment: 3,
  egregiousAccident: 5,
  majorAccident: 1,
  doubleAccident: 2,
  recentlyEnded: 30,
}

const count = (base: number, scale: number) => Math.max(1, Math.round(base * scale))

/** The first day a listing established on `day` would no longer hold, at the earliest. */
const LISTING_WINDOW_DAYS = 330

export function writeShowcaseRecords(rng: Rng, geo: Geography, records: RecordWriter, directory: EnterpriseDirectory, scale: number, asOf: Day): void {
  const projects = [...records.recentProjects.values()].filter((p) => !p.contractor.institutional)
  const usedEnterprises = new Set<string>()
  const usedPeople = new Set<string>()
  const from = asOf - LISTING_WINDOW_DAYS
  const to = asOf - 7

  /** A recent project of an unused contractor (and its unused project manager) running on some day in [lo, hi]. */
  const pickProject = (lo: Day, hi: Day, needManager: boolean): { ctx: ProjectRecordContext; day: Day } | null => {
    for (let i = 0; i < 60 && projects.length > 0; i++) {
      const ctx = rng.pick(projects)
      if (usedEnterprises.has(ctx.contractor.id) || (needManager && usedPeople.has(ctx.projectManagerId))) continue
      const a = Math.max(lo, ctx.workFrom + 20)
      const b = Math.min(hi, ctx.workTo)
      if (a > b) continue
      return { ctx, day: rng.int(a, b) }
    }
    return null
  }

  // 出借资质 on a project
  const lend = CONTRACTOR_VIOLATIONS.map(([v]) => v).find((v) => v.category === 'BAD.CONTRACT.TRANSFER_OR_LEND')!
  for (let i = count(SHOWCASE_COUNTS.lend, scale); i > 0; i--) {
    const hit = pickProject(from, to, false)
    if (!hit) continue
    usedEnterprises.add(hit.ctx.contractor.id)
    records.write({ subject: { enterprise: hit.ctx.contractor }, ...violationRecord(rng, lend, hit.ctx, '该单位', penaltyIssuer(rng, geo, lend, hit.ctx.regionCode), hit.day) })
  }

  // accidents: the contractor and its project manager are both penalised
  const accident = (ctx: ProjectRecordContext, day: Day, category: CategoryCode, what: string, firmDecision: string, personDecision: string) => {
    const issuer = provinceIssuer(geo, 'PENALTY')
    const title = RECORD_CATEGORIES[category].label.replace('质量安全事故', '生产安全事故')
    records.write({
      subject: { enterprise: ctx.contractor },
      category,
      title: `发生${title}`,
      description: `该单位承建的“${ctx.projectName}”施工现场${what}，违反了《中华人民共和国安全生产法》《建设工程安全生产管理条例》的规定。${firmDecision}。`,
      issuer,
      day,
      projectId: ctx.projectId,
    })
    records.write({
      subject: { personId: ctx.projectManagerId },
      category,
      title: `项目负责人对${title}负有责任`,
      description: `该同志作为“${ctx.projectName}”项目负责人，未履行安全生产管理职责，对施工现场${what}负有责任，违反了《建设工程安全生产管理条例》第六十六条的规定。${personDecision}。`,
      issuer,
      day,
      projectId: ctx.projectId,
    })
  }
  const kinds = ['模板支撑体系坍塌', '塔式起重机倒塌', '深基坑坍塌', '施工升降机坠落']
  for (let i = count(SHOWCASE_COUNTS.egregiousAccident, scale); i > 0; i--) {
    const hit = pickProject(from, to, true)
    if (!hit) continue
    usedEnterprises.add(hit.ctx.contractor.id)
    usedPeople.add(hit.ctx.projectManagerId)
    const dead = rng.int(4, 8)
    accident(
      hit.ctx,
      hit.day,
      'BAD.ACCIDENT.LARGER_EGREGIOUS',
      `发生一起${rng.pick(kinds)}事故，造成${dead}人死亡；事发前已被责令停工整改而拒不停工，事故性质恶劣、社会影响大`,
      `处罚款人民币${yuan(rng.int(150, 200))}，吊销安全生产许可证`,
      '吊销注册建造师执业资格证书，终身不予注册',
    )
  }
  for (let i = count(SHOWCASE_COUNTS.majorAccident, scale); i > 0; i--) {
    const hit = pickProject(from, to, true)
    if (!hit) continue
    usedEnterprises.add(hit.ctx.contractor.id)
    usedPeople.add(hit.ctx.projectManagerId)
    accident(
      hit.ctx,
      hit.day,
      'BAD.ACCIDENT.MAJOR',
      `发生一起${rng.pick(kinds)}事故，造成${rng.int(10, 12)}人死亡`,
      `处罚款人民币${yuan(rng.int(300, 500))}，吊销安全生产许可证，降低施工总承包资质等级`,
      '吊销注册建造师执业资格证书，终身不予注册',
    )
  }
  // two 较大 accidents within a year on one site
  for (let i = count(SHOWCASE_COUNTS.doubleAccident, scale); i > 0; i--) {
    const hit = pickProject(from, to - 120, true)
    if (!hit) continue
    usedEnterprises.add(hit.ctx.contractor.id)
    usedPeople.add(hit.ctx.projectManagerId)
    const second = Math.min(to, hit.day + rng.int(45, 120))
    for (const day of [hit.day, second]) {
      accident(
        hit.ctx,
        day,
        'BAD.ACCIDENT.LARGER',
        `发生一起${rng.pick(kinds)}事故，造成${rng.int(3, 5)}人死亡`,
        `处罚款人民币${yuan(rng.int(100, 150))}，暂扣安全生产许可证九十日`,
        '责令停止执业一年',
      )
    }
  }

  // qualification obtained by deception: found later, by the province
  const notUsed = (e: EnterpriseRef) => !e.institutional && !usedEnterprises.has(e.id)
  for (let i = count(SHOWCASE_COUNTS.qualificationFraud, scale); i > 0; i--) {
    const day = rng.int(from, to)
    const e = directory.pickEstablished(rng, day - 365, (x) => notUsed(x) && x.type !== 'OWNER')
    if (!e) continue
    usedEnterprises.add(e.id)
    records.write({
      subject: { enterprise: e },
      category: 'BAD.FRAUD.QUALIFICATION_OBTAINED',
      title: '以欺骗手段取得建设工程企业资质',
      description: `经核查，该单位在申请资质${rng.pick(['升级', '增项'])}时虚报注册人员及工程业绩、伪造社会保险缴费证明，以欺骗手段取得资质，违反了《建设工程企业资质管理规定》的规定。撤销该资质，给予警告，三年内不得再次申请该资质。`,
      issuer: provinceIssuer(geo, 'PENALTY'),
      day,
    })
  }

  // an owner that does not pay the contractor what a court ordered
  for (let i = count(SHOWCASE_COUNTS.refusePayment, scale); i > 0; i--) {
    let placed = false
    for (let k = 0; k < 40 && !placed && projects.length > 0; k++) {
      const ctx = rng.pick(projects)
      if (ctx.owner.institutional || usedEnterprises.has(ctx.owner.id) || ctx.owner.ownerKind !== 'DEVELOPER') continue
      usedEnterprises.add(ctx.owner.id)
      placed = true
      const owed = Math.max(50, Math.round(ctx.contractPrice * rng.float(0.05, 0.15)))
      records.write({
        subject: { enterprise: ctx.owner },
        category: 'BAD.COURT.REFUSE_PAYMENT',
        title: '拒不履行生效判决支付工程款',
        description: `经人民法院生效判决认定，该单位拖欠“${ctx.projectName}”施工单位${ctx.contractor.name}工程款人民币${yuan(owed)}；判决生效后该单位拒不履行支付义务，已被人民法院列入失信被执行人名单。依据《建筑市场信用管理暂行办法》列入建筑市场主体“黑名单”。`,
        issuer: regionIssuer(geo, ctx.regionCode, 'PENALTY'),
        day: rng.int(from, to),
        projectId: ctx.projectId,
      })
    }
  }

  // records whose publication ended in the 90 days before as-of (6- and 12-month periods)
  const endings = CONTRACTOR_VIOLATIONS.map(([v]) => v).filter((v) => RECORD_CATEGORIES[v.category].publishMonths <= 12 && !v.category.startsWith('BAD.ACCIDENT'))
  for (let i = count(SHOWCASE_COUNTS.recentlyEnded, scale); i > 0; i--) {
    const v = rng.pick(endings)
    // decided so that the period ends 5–85 days before as-of (a record moves to the next working day, ≤ 2 days)
    const day = addMonths(asOf, -RECORD_CATEGORIES[v.category].publishMonths) - rng.int(5, 85)
    const hit = pickProject(day, day, false)
    if (!hit) continue
    records.write({ subject: { enterprise: hit.ctx.contractor }, ...violationRecord(rng, v, hit.ctx, '该单位', penaltyIssuer(rng, geo, v, hit.ctx.regionCode), day) })
  }
}
