// 诚信行为记录: commendations (GOOD) and penalties / handling decisions (BAD) of enterprises
// and practitioners, with decision numbers (文号), issuing bodies and publication periods.
//
// Category codes are KIND.GROUP.LEVEL, those of the scoring standard (shared/scoring,
// HN-2026.1); points and publication periods are written on each record as recorded at the
// time, and a unit test (shared/scoring/standard-2026.test.ts) keeps them equal to the standard's:
//
//   code                              meaning                                   points  public for
//   GOOD.AWARD.NATIONAL               鲁班奖, 国家优质工程奖                       +10    36 months
//   GOOD.AWARD.PROVINCIAL             海南省优质工程“绿岛杯”                      +5     36 months
//   GOOD.SAFETY.PROVINCIAL            省级安全文明标准化工地                      +3     36 months
//   GOOD.COMMENDATION.PROVINCIAL       省住建厅通报表扬 / 表彰                     +3     36 months
//   GOOD.COMMENDATION.CITY            市县通报表扬 / 表彰                         +2     36 months
//   BAD.NOTICE.CRITICISM              通报批评 (no penalty)                       −1      6 months
//   BAD.PENALTY.MINOR                 行政处罚, 一般 (warning, small fine)        −2      6 months
//   BAD.PENALTY.SERIOUS               行政处罚, 较重 (large fine, suspension)     −5     12 months
//   BAD.PENALTY.GRAVE                 行政处罚, 严重 (grade lowered, licence)    −10     36 months
//   BAD.ACCIDENT.GENERAL              一般质量安全事故 (< 3 deaths)               −8     12 months
//   BAD.ACCIDENT.LARGER               较大质量安全事故 (3–9 deaths)              −12     36 months
//   BAD.ACCIDENT.MAJOR                重大及以上质量安全事故 (≥ 10 deaths)       −15     36 months
//   BAD.WAGES.ARREARS                 拖欠农民工工资 (失信联合惩戒)               −6     12 months
//   BAD.CONTRACT.ILLEGAL_SUBCONTRACT  违法分包                                   −8     24 months
//   BAD.CONTRACT.TRANSFER_OR_LEND     转包, 出借资质 (a blacklist ground)        −10     36 months
//   BAD.FRAUD.FALSE_MATERIALS         提供虚假材料, 以欺骗手段取得许可/注册       −8     24 months
//   BAD.BIDDING.COLLUSION             串通投标                                   −10     36 months
//   BAD.ACCIDENT.LARGER_EGREGIOUS     性质恶劣的较大质量安全事故 (a blacklist ground) −15   36 months
//   BAD.FRAUD.QUALIFICATION_OBTAINED  以欺骗手段取得企业资质 (a blacklist ground) −10     36 months
//   BAD.COURT.REFUSE_PAYMENT          拒不履行生效裁判支付工程款 (a blacklist ground) −10  36 months
//
// The last three, and the recent accidents and 出借资质 decisions that put subjects on the
// blacklist on the as-of day, are written by showcase.ts, so that the demo shows every rule.
//
// The seed's accidents kill 3–5 people, 较大 by 国务院令第493号, so they are LARGER (two within a
// year list the contractor); 出借资质 decisions are TRANSFER_OR_LEND, which lists it
// (docs/scoring-standard.md, "Where this standard departs from the seed's category table").
// MAJOR stays in the table for records of 重大 accidents, which the seed does not make.
import type { RecordKind } from '../../shared/domain/enums.ts'
import type { BatchWriter } from './batch-writer.ts'
import { addMonths, dateOf, type Day, nextWorkingDay, yearOf, ymdToDay } from './days.ts'
import type { EnterpriseDirectory, EnterpriseRef } from './enterprises.ts'
import { ID_TAGS, type IdFactory } from './ids.ts'
import { Rng } from './random.ts'
import type { Geography } from './regions-and-authorities.ts'

export interface RecordCategory {
  kind: RecordKind
  label: string
  points: number
  publishMonths: number
}

export const RECORD_CATEGORIES = {
  'GOOD.AWARD.NATIONAL': { kind: 'GOOD', label: '国家级工程质量奖', points: 10, publishMonths: 36 },
  'GOOD.AWARD.PROVINCIAL': { kind: 'GOOD', label: '省级工程质量奖', points: 5, publishMonths: 36 },
  'GOOD.SAFETY.PROVINCIAL': { kind: 'GOOD', label: '省级安全文明标准化工地', points: 3, publishMonths: 36 },
  'GOOD.COMMENDATION.PROVINCIAL': { kind: 'GOOD', label: '省级表彰', points: 3, publishMonths: 36 },
  'GOOD.COMMENDATION.CITY': { kind: 'GOOD', label: '市县表彰', points: 2, publishMonths: 36 },
  'BAD.NOTICE.CRITICISM': { kind: 'BAD', label: '通报批评', points: -1, publishMonths: 6 },
  'BAD.PENALTY.MINOR': { kind: 'BAD', label: '一般行政处罚', points: -2, publishMonths: 6 },
  'BAD.PENALTY.SERIOUS': { kind: 'BAD', label: '较重行政处罚', points: -5, publishMonths: 12 },
  'BAD.PENALTY.GRAVE': { kind: 'BAD', label: '严重行政处罚', points: -10, publishMonths: 36 },
  'BAD.ACCIDENT.GENERAL': { kind: 'BAD', label: '一般质量安全事故', points: -8, publishMonths: 12 },
  'BAD.ACCIDENT.LARGER': { kind: 'BAD', label: '较大质量安全事故', points: -12, publishMonths: 36 },
  'BAD.ACCIDENT.MAJOR': { kind: 'BAD', label: '重大及以上质量安全事故', points: -15, publishMonths: 36 },
  'BAD.WAGES.ARREARS': { kind: 'BAD', label: '拖欠农民工工资', points: -6, publishMonths: 12 },
  'BAD.CONTRACT.ILLEGAL_SUBCONTRACT': { kind: 'BAD', label: '违法分包', points: -8, publishMonths: 24 },
  'BAD.CONTRACT.TRANSFER_OR_LEND': { kind: 'BAD', label: '转包、出借资质', points: -10, publishMonths: 36 },
  'BAD.FRAUD.FALSE_MATERIALS': { kind: 'BAD', label: '提供虚假材料', points: -8, publishMonths: 24 },
  'BAD.BIDDING.COLLUSION': { kind: 'BAD', label: '串通投标', points: -10, publishMonths: 36 },
  'BAD.ACCIDENT.LARGER_EGREGIOUS': { kind: 'BAD', label: '性质恶劣的较大质量安全事故', points: -15, publishMonths: 36 },
  'BAD.FRAUD.QUALIFICATION_OBTAINED': { kind: 'BAD', label: '以欺骗手段取得企业资质', points: -10, publishMonths: 36 },
  'BAD.COURT.REFUSE_PAYMENT': { kind: 'BAD', label: '拒不履行生效裁判支付工程款', points: -10, publishMonths: 36 },
} as const satisfies Record<string, RecordCategory>

export type CategoryCode = keyof typeof RECORD_CATEGORIES

// ---------------------------------------------------------------- issuers and decision numbers

/** Who issues a record: one of our authorities, or another body (association, labour bureau). */
export interface Issuer {
  name: string
  authorityId: string | null
  /** 文号 template: {Y} year, {N} number */
  numberFormat: string
  /** one notice per year covers every record of this issuer (awards lists) */
  yearlyNotice?: boolean
}

/** Hands out decision numbers: consecutive per issuer format and year, or one per yearly notice. */
export class DecisionNumbers {
  private readonly next = new Map<string, number>()
  private readonly notices = new Map<string, number>()

  constructor(private readonly rng: Rng) {}

  number(issuer: Issuer, day: Day): string {
    const year = yearOf(day)
    const key = `${issuer.numberFormat}|${year}`
    let n: number
    if (issuer.yearlyNotice) {
      n = this.notices.get(key) ?? this.rng.int(8, 60)
      this.notices.set(key, n)
    } else {
      n = (this.next.get(key) ?? this.rng.int(1, 12)) + this.rng.int(1, 3)
      this.next.set(key, n)
    }
    return issuer.numberFormat.replace('{Y}', String(year)).replace('{N}', String(n))
  }
}

function abbreviation(geo: Geography, regionCode: string): string {
  return geo.region(regionCode).shortName
}

export function provinceIssuer(geo: Geography, purpose: 'PENALTY' | 'NOTICE' | 'COMMENDATION'): Issuer {
  const numberFormat = purpose === 'PENALTY' ? '琼建罚〔{Y}〕{N}号' : purpose === 'NOTICE' ? '琼建质〔{Y}〕{N}号' : '琼建函〔{Y}〕{N}号'
  return { name: geo.provinceAuthorityName, authorityId: geo.provinceAuthorityId, numberFormat }
}

export function regionIssuer(geo: Geography, regionCode: string, purpose: 'PENALTY' | 'NOTICE' | 'COMMENDATION'): Issuer {
  if (regionCode === geo.provinceCode) return provinceIssuer(geo, purpose)
  const r = geo.region(regionCode)
  const zone = geo.regionRow(regionCode)?.level === 'ZONE'
  const short = abbreviation(geo, regionCode)
  const numberFormat =
    purpose === 'PENALTY' ? `${short}${zone ? '规建' : '住建'}罚字〔{Y}〕第{N}号` : `${short}${zone ? '规建' : '住建'}〔{Y}〕{N}号`
  return { name: r.authorityName as string, authorityId: r.authorityId, numberFormat }
}

export function labourIssuer(geo: Geography, regionCode: string): Issuer {
  const region = geo.regionRow(regionCode)
  const host = region?.level === 'ZONE' && region.parentCode ? region.parentCode : regionCode
  const r = geo.region(host)
  return { name: `${r.name}人力资源和社会保障局`, authorityId: null, numberFormat: `${r.shortName}人社监罚〔{Y}〕{N}号` }
}

const LUBAN: Issuer = { name: '中国建筑业协会', authorityId: null, numberFormat: '建协〔{Y}〕{N}号', yearlyNotice: true }
const NATIONAL_QUALITY: Issuer = { name: '中国施工企业管理协会', authorityId: null, numberFormat: '中施企协字〔{Y}〕{N}号', yearlyNotice: true }
const GREEN_ISLAND: Issuer = { name: '海南省建筑业协会', authorityId: null, numberFormat: '琼建协〔{Y}〕{N}号', yearlyNotice: true }

// ---------------------------------------------------------------- writing

export interface RecordInput {
  subject: { enterprise: EnterpriseRef } | { personId: string }
  category: CategoryCode
  title: string
  description: string
  issuer: Issuer
  day: Day
  projectId?: string | null
}

export class RecordWriter {
  /**
   * The latest project of each contractor whose construction ran within the two years before
   * as-of: where showcase.ts places recent accidents and penalties. One entry per contractor, so
   * memory stays bounded by the enterprises.
   */
  readonly recentProjects = new Map<string, ProjectRecordContext>()

  constructor(
    private readonly writer: BatchWriter,
    private readonly ids: IdFactory,
    readonly numbers: DecisionNumbers,
    private readonly asOf: Day,
    /**
     * Rewrites the texts written in Hainan's words (海南省…, 琼建罚…, the 绿岛杯 award) for another
     * province (scripts/seed/national); the demo writes them as they are.
     */
    private readonly localize: (text: string) => string = (text) => text,
  ) {}

  /** Notes a project for showcase.ts when its construction ran within the two years before as-of. */
  noteProject(ctx: ProjectRecordContext): void {
    if (ctx.workTo >= this.asOf - 730 && ctx.workFrom <= this.asOf - 60) this.recentProjects.set(ctx.contractor.id, ctx)
  }

  /** Writes one record; a record dated after as-of is not written (returns false). */
  write(input: RecordInput): boolean {
    const day = nextWorkingDay(input.day)
    if (day > this.asOf) return false
    const category = RECORD_CATEGORIES[input.category]
    const isEnterprise = 'enterprise' in input.subject
    this.writer.add('IntegrityRecord', {
      id: this.ids.next(ID_TAGS.IntegrityRecord),
      subjectType: isEnterprise ? 'ENTERPRISE' : 'PERSON',
      enterpriseId: 'enterprise' in input.subject ? input.subject.enterprise.id : null,
      personId: 'personId' in input.subject ? input.subject.personId : null,
      kind: category.kind,
      categoryCode: input.category,
      title: this.localize(input.title),
      description: this.localize(input.description),
      decisionNumber: this.localize(this.numbers.number(input.issuer, day)),
      authorityId: input.issuer.authorityId,
      issuedBy: this.localize(input.issuer.name),
      decidedOn: dateOf(day),
      publishFrom: dateOf(day),
      publishUntil: dateOf(addMonths(day, category.publishMonths)),
      points: category.points,
      projectId: input.projectId ?? null,
      status: 'ACTIVE',
      createdAt: dateOf(day),
    })
    return true
  }
}

export function yuan(n: number): string {
  return n >= 10 ? `${Math.round(n * 100) / 100}万元` : `${Math.round(n * 10000)}元`
}

// ---------------------------------------------------------------- records about a project

export interface ProjectRecordContext {
  projectId: string
  projectName: string
  regionCode: string
  category: 'BUILDING' | 'MUNICIPAL'
  /** 万元 */
  investment: number
  contractPrice: number
  owner: EnterpriseRef
  contractor: EnterpriseRef
  supervisor: EnterpriseRef | null
  projectManagerId: string
  chiefSupervisorId: string | null
  /** contractor contract signed (tender) */
  tenderDay: Day
  permitDay: Day
  /** construction from … to (completion, revocation, or the planned end; may lie after as-of) */
  workFrom: Day
  workTo: Day
  /** completion accepted, if it was */
  acceptedDay: Day | null
  /** permit revoked because it was obtained by deception */
  revokedForFraud: Day | null
}

export interface Violation {
  category: CategoryCode
  title: string
  /** what happened, after “在…中” */
  act: string
  law: string
  decision: (ctx: ProjectRecordContext, rng: Rng) => string
}

const fine = (min: number, max: number) => (_: ProjectRecordContext, rng: Rng) => `责令限期改正，并处罚款人民币${yuan(rng.int(min, max))}`

export const CONTRACTOR_VIOLATIONS: [Violation, number][] = [
  [{ category: 'BAD.PENALTY.MINOR', title: '施工现场扬尘污染防治措施不落实', act: '施工现场裸土未覆盖、车辆未冲洗即驶出工地', law: '《海南省大气污染防治条例》', decision: fine(1, 5) }, 10],
  [{ category: 'BAD.PENALTY.MINOR', title: '未按规定设置施工现场安全防护设施', act: '临边洞口防护缺失、脚手架未按规定设置防护', law: '《建设工程安全生产管理条例》第二十八条', decision: fine(2, 10) }, 10],
  [{ category: 'BAD.PENALTY.MINOR', title: '特种作业人员未持证上岗', act: '塔式起重机司机等特种作业人员未取得特种作业操作资格证书上岗作业', law: '《建设工程安全生产管理条例》第二十五条', decision: fine(2, 5) }, 6],
  [{ category: 'BAD.PENALTY.MINOR', title: '未按规定对进场建筑材料进行检验', act: '对进场钢筋、混凝土未按规定取样送检', law: '《建设工程质量管理条例》第二十九条', decision: fine(10, 20) }, 6],
  [{ category: 'BAD.PENALTY.SERIOUS', title: '未按照工程设计图纸和施工技术标准施工', act: '擅自减少钢筋用量、降低混凝土强度等级', law: '《建设工程质量管理条例》第二十八条', decision: (ctx) => `责令改正，处工程合同价款百分之二的罚款计人民币${yuan(ctx.contractPrice * 0.02)}` }, 5],
  [{ category: 'BAD.PENALTY.SERIOUS', title: '危险性较大的分部分项工程未按专项施工方案施工', act: '高支模、深基坑工程未按经论证的专项施工方案组织施工', law: '《危险性较大的分部分项工程安全管理规定》第三十三条', decision: (_, rng) => `责令限期改正，处罚款人民币${yuan(rng.int(10, 30))}，暂扣安全生产许可证三十日` }, 5],
  [{ category: 'BAD.PENALTY.SERIOUS', title: '使用不合格的建筑材料、建筑构配件', act: '使用经检测不合格的钢筋和预拌混凝土', law: '《建设工程质量管理条例》第六十四条', decision: (ctx) => `责令改正，处工程合同价款百分之三的罚款计人民币${yuan(ctx.contractPrice * 0.03)}` }, 3],
  [{ category: 'BAD.PENALTY.GRAVE', title: '违反工程建设强制性标准造成重大质量隐患', act: '主体结构施工严重违反工程建设强制性标准，造成重大质量隐患', law: '《建设工程质量管理条例》第六十四条', decision: (ctx) => `处工程合同价款百分之四的罚款计人民币${yuan(ctx.contractPrice * 0.04)}，并降低施工总承包资质等级` }, 1],
  [{ category: 'BAD.ACCIDENT.GENERAL', title: '发生一般生产安全事故', act: '', law: '《中华人民共和国安全生产法》第一百一十四条', decision: (_, rng) => `处罚款人民币${yuan(rng.int(30, 100))}，暂扣安全生产许可证六十日` }, 4],
  [{ category: 'BAD.ACCIDENT.LARGER', title: '发生较大生产安全事故', act: '', law: '《中华人民共和国安全生产法》第一百一十四条', decision: (_, rng) => `处罚款人民币${yuan(rng.int(100, 200))}，吊销安全生产许可证` }, 0.5],
  [{ category: 'BAD.WAGES.ARREARS', title: '拖欠农民工工资', act: '', law: '《保障农民工工资支付条例》第五十四条', decision: () => '责令限期支付，并列入拖欠农民工工资失信联合惩戒对象名单' }, 8],
  [{ category: 'BAD.CONTRACT.ILLEGAL_SUBCONTRACT', title: '将承包的工程违法分包', act: '将主体结构工程分包给不具备相应资质条件的单位', law: '《建设工程质量管理条例》第六十二条', decision: (ctx) => `责令改正，没收违法所得，处工程合同价款百分之零点五的罚款计人民币${yuan(ctx.contractPrice * 0.005)}` }, 3],
  [{ category: 'BAD.CONTRACT.TRANSFER_OR_LEND', title: '允许其他单位以本单位名义承揽工程', act: '出借资质，允许无资质的个人以本单位名义承揽工程', law: '《建设工程质量管理条例》第六十一条', decision: (ctx) => `责令改正，处工程合同价款百分之三的罚款计人民币${yuan(ctx.contractPrice * 0.03)}，责令停业整顿` }, 2],
  [{ category: 'BAD.NOTICE.CRITICISM', title: '建筑施工安全生产检查中存在较大安全隐患', act: '在全省建筑施工安全生产大检查中被发现存在多项较大安全隐患且整改不力', law: '《建设工程安全生产管理条例》', decision: () => '予以通报批评，责令限期整改' }, 8],
]

const SUPERVISOR_VIOLATIONS: [Violation, number][] = [
  [{ category: 'BAD.PENALTY.MINOR', title: '未按规定实施旁站监理', act: '对混凝土浇筑等关键部位、关键工序未实施旁站监理', law: '《建设工程质量管理条例》第三十八条', decision: fine(5, 10) }, 5],
  [{ category: 'BAD.PENALTY.MINOR', title: '未对施工组织设计中的安全技术措施进行审查', act: '未审查专项施工方案即同意施工', law: '《建设工程安全生产管理条例》第五十七条', decision: fine(10, 30) }, 4],
  [{ category: 'BAD.PENALTY.SERIOUS', title: '将不合格的建设工程、建筑材料按照合格签字', act: '对不合格的隐蔽工程按合格签字验收', law: '《建设工程质量管理条例》第六十七条', decision: (_, rng) => `责令改正，处罚款人民币${yuan(rng.int(50, 100))}，降低资质等级` }, 1.5],
  [{ category: 'BAD.NOTICE.CRITICISM', title: '监理人员不到位、履职不到位', act: '项目监理机构人员配备不足，总监理工程师长期不在岗', law: '《建设工程监理规范》', decision: () => '予以通报批评，责令限期整改' }, 4],
]

const OWNER_VIOLATIONS: [Violation, number][] = [
  [{ category: 'BAD.PENALTY.SERIOUS', title: '未取得施工许可证擅自施工', act: '未取得施工许可证即组织开工建设', law: '《建筑工程施工许可管理办法》第十二条', decision: (ctx) => `责令停止施工，限期改正，处工程合同价款百分之一的罚款计人民币${yuan(ctx.contractPrice * 0.01)}` }, 4],
  [{ category: 'BAD.PENALTY.MINOR', title: '未按规定办理工程质量监督手续', act: '未按规定办理工程质量监督手续即组织施工', law: '《建设工程质量管理条例》第五十六条', decision: fine(20, 50) }, 2],
  [{ category: 'BAD.WAGES.ARREARS', title: '未按约定支付工程款导致拖欠农民工工资', act: '', law: '《保障农民工工资支付条例》第五十六条', decision: () => '责令限期清偿，并列入拖欠农民工工资失信联合惩戒对象名单' }, 3],
]

const MANAGER_VIOLATIONS: [Violation, number][] = [
  [{ category: 'BAD.NOTICE.CRITICISM', title: '项目经理未按规定在岗履职', act: '项目负责人长期不在施工现场履职', law: '《注册建造师执业管理办法（试行）》', decision: () => '予以通报批评，记入个人不良行为记录' }, 5],
  [{ category: 'BAD.PENALTY.MINOR', title: '注册建造师同时担任两个及以上在建项目负责人', act: '同时担任两个在建工程项目的项目负责人', law: '《注册建造师管理规定》第三十七条', decision: () => '责令改正，处罚款人民币1万元' }, 3],
  [{ category: 'BAD.PENALTY.SERIOUS', title: '项目负责人未履行安全生产管理职责', act: '未履行安全生产管理职责，施工现场重大事故隐患未及时消除', law: '《建设工程安全生产管理条例》第六十六条', decision: () => '责令限期改正，暂停执业六个月' }, 1],
]

const CHIEF_SUPERVISOR_VIOLATIONS: [Violation, number][] = [
  [{ category: 'BAD.NOTICE.CRITICISM', title: '总监理工程师未按规定到岗履职', act: '总监理工程师未按规定到岗履职', law: '《注册监理工程师管理规定》', decision: () => '予以通报批评，记入个人不良行为记录' }, 4],
  [{ category: 'BAD.PENALTY.MINOR', title: '未按规定签署工程质量文件', act: '在未经验收的分部工程质量验收记录上签字', law: '《注册监理工程师管理规定》第三十一条', decision: () => '责令改正，处罚款人民币1万元' }, 2],
]

const ACCIDENT_KINDS = ['高处坠落', '物体打击', '起重伤害', '坍塌', '触电', '机械伤害']

function actOf(v: Violation, rng: Rng, ctx: ProjectRecordContext): string {
  switch (v.category) {
    case 'BAD.ACCIDENT.GENERAL':
      return `施工现场发生一起${rng.pick(ACCIDENT_KINDS)}事故，造成${rng.int(1, 2)}人死亡`
    case 'BAD.ACCIDENT.LARGER':
      return `施工现场发生一起${rng.pick(['模板支撑体系坍塌', '塔式起重机倒塌', '基坑坍塌'])}事故，造成${rng.int(3, 5)}人死亡`
    case 'BAD.WAGES.ARREARS':
      return `拖欠${rng.int(12, 160)}名农民工工资共计人民币${yuan(Math.max(5, Math.round(ctx.contractPrice * rng.float(0.002, 0.01))))}`
    default:
      return v.act
  }
}

export function violationRecord(rng: Rng, v: Violation, ctx: ProjectRecordContext, who: string, issuer: Issuer, day: Day): Omit<RecordInput, 'subject'> {
  const act = actOf(v, rng, ctx)
  return {
    category: v.category,
    title: v.title,
    description: `${who}在“${ctx.projectName}”建设过程中${act}，违反了${v.law}的规定。${v.decision(ctx, rng)}。`,
    issuer,
    day,
    projectId: ctx.projectId,
  }
}

export function penaltyIssuer(rng: Rng, geo: Geography, v: Violation, regionCode: string): Issuer {
  if (v.category === 'BAD.WAGES.ARREARS') return labourIssuer(geo, regionCode)
  const purpose = v.category === 'BAD.NOTICE.CRITICISM' ? 'NOTICE' : 'PENALTY'
  // grave penalties and accidents of 较大 or worse are decided by the province (no random draw)
  const severe = v.category === 'BAD.PENALTY.GRAVE' || v.category === 'BAD.ACCIDENT.LARGER' || v.category === 'BAD.ACCIDENT.MAJOR'
  return severe || rng.chance(0.15) ? provinceIssuer(geo, purpose) : regionIssuer(geo, regionCode, purpose)
}

function dayBetween(rng: Rng, from: Day, to: Day): Day | null {
  return to < from ? null : rng.int(from, to)
}

/**
 * Records that arise from one project: penalties during construction, bid rigging at the
 * tender, commendations of the site and awards after completion. Rates are tuned so that,
 * with the yearly records, about 3 % of enterprises get a bad record a year and 2 % a good one.
 */
export function writeProjectRecords(rng: Rng, geo: Geography, records: RecordWriter, ctx: ProjectRecordContext): void {
  records.noteProject(ctx)
  const work = () => dayBetween(rng, ctx.workFrom + 20, ctx.workTo)
  const emit = (subject: RecordInput['subject'], table: [Violation, number][], who: string, chance: number) => {
    if (!rng.chance(chance)) return
    const day = work()
    if (day === null) return
    const v = rng.weighted(table)
    records.write({ subject, ...violationRecord(rng, v, ctx, who, penaltyIssuer(rng, geo, v, ctx.regionCode), day) })
  }

  if (!ctx.contractor.institutional) emit({ enterprise: ctx.contractor }, CONTRACTOR_VIOLATIONS, '该单位', 0.022)
  if (ctx.supervisor && !ctx.supervisor.institutional) emit({ enterprise: ctx.supervisor }, SUPERVISOR_VIOLATIONS, '该单位', 0.008)
  if (!ctx.owner.institutional) {
    if (rng.chance(0.006)) {
      const v = rng.weighted(OWNER_VIOLATIONS)
      // building without a permit is found before the permit is issued
      const day = v.title.startsWith('未取得施工许可证') ? dayBetween(rng, ctx.tenderDay, ctx.permitDay - 1) : work()
      if (day !== null) records.write({ subject: { enterprise: ctx.owner }, ...violationRecord(rng, v, ctx, '该单位', penaltyIssuer(rng, geo, v, ctx.regionCode), day) })
    }
    if (ctx.revokedForFraud !== null) {
      records.write({
        subject: { enterprise: ctx.owner },
        category: 'BAD.FRAUD.FALSE_MATERIALS',
        title: '以欺骗手段取得施工许可证',
        description: `该单位在申请“${ctx.projectName}”施工许可时提供虚假材料，以欺骗手段取得施工许可证，违反了《建筑工程施工许可管理办法》第十三条的规定。撤销施工许可证，处罚款人民币${yuan(rng.int(1, 3))}。`,
        issuer: regionIssuer(geo, ctx.regionCode, 'PENALTY'),
        day: ctx.revokedForFraud,
        projectId: ctx.projectId,
      })
    }
  }
  emit({ personId: ctx.projectManagerId }, MANAGER_VIOLATIONS, '该同志作为项目负责人', 0.008)
  if (ctx.chiefSupervisorId) emit({ personId: ctx.chiefSupervisorId }, CHIEF_SUPERVISOR_VIOLATIONS, '该同志作为总监理工程师', 0.004)

  // bid rigging surfaces some months after the tender
  if (!ctx.contractor.institutional && rng.chance(0.003)) {
    const day = ctx.tenderDay + rng.int(60, 300)
    records.write({
      subject: { enterprise: ctx.contractor },
      category: 'BAD.BIDDING.COLLUSION',
      title: '与其他投标人相互串通投标',
      description: `该单位在“${ctx.projectName}”施工招标中与其他投标人相互串通投标报价，违反了《中华人民共和国招标投标法》第三十二条的规定。中标无效，处中标项目金额千分之五的罚款计人民币${yuan(ctx.contractPrice * 0.005)}，取消一年内参加依法必须进行招标的项目的投标资格。`,
      issuer: regionIssuer(geo, ctx.regionCode, 'PENALTY'),
      day,
      projectId: ctx.projectId,
    })
  }

  // 省级安全文明标准化工地: announced in batches during construction
  if (ctx.category === 'BUILDING' && rng.chance(0.01)) {
    const day = dayBetween(rng, ctx.workFrom + 180, Math.min(ctx.workTo, ctx.workFrom + 450))
    if (day !== null) {
      records.write({
        subject: { enterprise: ctx.contractor },
        category: 'GOOD.SAFETY.PROVINCIAL',
        title: '海南省建筑施工安全生产标准化示范工地',
        description: `该单位承建的“${ctx.projectName}”被评为海南省建筑施工安全生产标准化示范工地（省级安全文明标准化工地），予以通报表扬。`,
        issuer: provinceIssuer(geo, 'NOTICE'),
        day,
        projectId: ctx.projectId,
      })
    }
  }

  // quality awards, the year after completion
  if (ctx.acceptedDay !== null) {
    const nextYear = yearOf(ctx.acceptedDay) + 1
    const big = ctx.category === 'BUILDING' ? ctx.investment >= 5000 : ctx.investment >= 10000
    const award = (category: CategoryCode, title: string, issuer: Issuer, month: number, text: string) => {
      const day = ymdToDay(nextYear, month, rng.int(1, 28))
      const written = records.write({
        subject: { enterprise: ctx.contractor },
        category,
        title,
        description: `该单位承建的“${ctx.projectName}”${text}`,
        issuer,
        day,
        projectId: ctx.projectId,
      })
      if (written && rng.chance(0.25)) {
        records.write({
          subject: { personId: ctx.projectManagerId },
          category: 'GOOD.COMMENDATION.PROVINCIAL',
          title: '海南省建筑业优秀项目经理',
          description: `该同志担任“${ctx.projectName}”项目负责人，工程荣获${title}，被评为海南省建筑业优秀项目经理。`,
          issuer: provinceIssuer(geo, 'COMMENDATION'),
          day: day + rng.int(10, 60),
          projectId: ctx.projectId,
        })
      }
    }
    if (ctx.investment >= 50000 && rng.chance(0.01)) {
      if (rng.chance(0.5)) award('GOOD.AWARD.NATIONAL', '中国建设工程鲁班奖（国家优质工程）', LUBAN, 12, '荣获中国建设工程鲁班奖（国家优质工程）。')
      else award('GOOD.AWARD.NATIONAL', '国家优质工程奖', NATIONAL_QUALITY, 12, '荣获国家优质工程奖。')
    } else if (big && rng.chance(0.02)) {
      award('GOOD.AWARD.PROVINCIAL', '海南省优质工程“绿岛杯”奖', GREEN_ISLAND, rng.int(4, 7), '荣获海南省优质工程“绿岛杯”奖。')
    }
  }
}

// ---------------------------------------------------------------- yearly records not tied to a project

/** City and county commendations that fit the year (typhoon recovery, epidemic control …). */
function cityCommendation(year: number): string {
  if (year === 2014) return '抗击超强台风“威马逊”灾后恢复重建先进单位'
  if (year === 2020) return '疫情防控和复工复产先进单位'
  if (year === 2024) return '抗击超强台风“摩羯”灾后恢复重建先进单位'
  return '年度建筑业优秀企业'
}

/** Per enterprise and year, besides the project records: fraud, criticism after inspections, commendations. */
const YEARLY_RATES = { fraud: 0.0025, inspection: 0.002, provincial: 0.003, city: 0.004, personFraud: 0.0005, personGood: 0.001 }

function countFor(rng: Rng, population: number, rate: number, fraction: number): number {
  const expected = population * rate * fraction
  return Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0)
}

export function writeYearlyRecords(
  rng: Rng,
  geo: Geography,
  records: RecordWriter,
  directory: EnterpriseDirectory,
  year: number,
  asOf: Day,
  peopleCount: number,
  /** multiplies the yearly rates (scripts/seed/national raises them to reach its record count) */
  rateFactor = 1,
): void {
  const from = ymdToDay(year, 1, 1)
  const to = Math.min(ymdToDay(year, 12, 31), asOf)
  if (to < from) return
  const fraction = (to - from + 1) / (ymdToDay(year, 12, 31) - from + 1)
  const n = directory.all.length
  const issuerFor = (e: EnterpriseRef, purpose: 'PENALTY' | 'NOTICE' | 'COMMENDATION') =>
    e.inProvince && e.regionCode !== geo.provinceCode && rng.chance(0.6) ? regionIssuer(geo, e.regionCode, purpose) : provinceIssuer(geo, purpose)

  for (let i = countFor(rng, n, YEARLY_RATES.fraud * rateFactor, fraction); i > 0; i--) {
    const day = rng.int(from, to)
    const e = directory.pickEstablished(rng, day, (x) => !x.institutional && x.type !== 'OWNER')
    if (!e) continue
    records.write({
      subject: { enterprise: e },
      category: 'BAD.FRAUD.FALSE_MATERIALS',
      title: '申请企业资质时提供虚假材料',
      description: `该单位在申请资质${rng.pick(['升级', '增项', '延续'])}时提供虚假的人员业绩和社保证明材料，违反了《建设工程企业资质管理规定》的规定。不予许可，给予警告，该单位一年内不得再次申请该资质。`,
      issuer: provinceIssuer(geo, 'PENALTY'),
      day,
    })
  }
  for (let i = countFor(rng, n, YEARLY_RATES.inspection * rateFactor, fraction); i > 0; i--) {
    const day = rng.int(from, to)
    const e = directory.pickEstablished(rng, day, (x) => !x.institutional && x.type !== 'OWNER')
    if (!e) continue
    records.write({
      subject: { enterprise: e },
      category: 'BAD.NOTICE.CRITICISM',
      title: '企业资质动态核查不达标',
      description: `在${year}年度建设工程企业资质动态核查中，该单位注册人员、技术负责人等不再满足资质标准要求，违反了《建设工程企业资质管理规定》的规定。予以通报批评，责令限期整改。`,
      issuer: issuerFor(e, 'NOTICE'),
      day,
    })
  }
  for (let i = countFor(rng, n, YEARLY_RATES.provincial * rateFactor, fraction); i > 0; i--) {
    const day = rng.int(from, to)
    const e = directory.pickEstablished(rng, day, (x) => x.type !== 'OWNER')
    if (!e) continue
    records.write({
      subject: { enterprise: e },
      category: 'GOOD.COMMENDATION.PROVINCIAL',
      title: `${year - 1}年度海南省建筑业优秀企业`,
      description: `该单位在${year - 1}年度工程质量安全、诚信经营等方面表现突出，被评为海南省建筑业优秀企业，予以通报表扬。`,
      issuer: provinceIssuer(geo, 'COMMENDATION'),
      day,
    })
  }
  for (let i = countFor(rng, n, YEARLY_RATES.city * rateFactor, fraction); i > 0; i--) {
    const day = rng.int(from, to)
    const e = directory.pickEstablished(rng, day, (x) => x.inProvince && x.regionCode !== geo.provinceCode && x.type !== 'OWNER')
    if (!e) continue
    const title = cityCommendation(year)
    records.write({
      subject: { enterprise: e },
      category: 'GOOD.COMMENDATION.CITY',
      title,
      description: `该单位被评为${geo.region(e.regionCode).name}${title}，予以表彰。`,
      issuer: regionIssuer(geo, e.regionCode, 'COMMENDATION'),
      day,
    })
  }

  // practitioners: fraud in registration, and commendations
  const withPeople = (x: EnterpriseRef) => x.keyPeople.length > 0
  const registeredOn = (r: Rng, e: EnterpriseRef, day: Day) => {
    const eligible = e.keyPeople.filter((p) => p.issuedDay <= day)
    return eligible.length ? r.pick(eligible) : null
  }
  for (let i = countFor(rng, peopleCount, YEARLY_RATES.personFraud * rateFactor, fraction); i > 0; i--) {
    const day = rng.int(from, to)
    const e = directory.pickEstablished(rng, day, withPeople)
    const person = e && registeredOn(rng, e, day)
    if (!person) continue
    records.write({
      subject: { personId: person.id },
      category: 'BAD.FRAUD.FALSE_MATERIALS',
      title: '以欺骗手段申请执业注册',
      description: '该同志在申请执业注册（变更注册）时提供虚假的劳动合同和社会保险证明材料，违反了执业注册管理规定。不予注册，给予警告，一年内不得再次申请注册。',
      issuer: provinceIssuer(geo, 'PENALTY'),
      day,
    })
  }
  for (let i = countFor(rng, peopleCount, YEARLY_RATES.personGood * rateFactor, fraction); i > 0; i--) {
    const day = rng.int(from, to)
    const e = directory.pickEstablished(rng, day, (x) => withPeople(x) && x.inProvince)
    const person = e && registeredOn(rng, e, day)
    if (!e || !person) continue
    const title = e.type === 'SUPERVISOR' ? '海南省优秀总监理工程师' : e.type === 'CONTRACTOR' ? '海南省建筑业优秀项目经理' : '海南省工程勘察设计行业优秀工程师'
    records.write({
      subject: { personId: person.id },
      category: 'GOOD.COMMENDATION.PROVINCIAL',
      title,
      description: `该同志在${year - 1}年度执业中恪尽职守、表现突出，被评为${title}。`,
      issuer: provinceIssuer(geo, 'COMMENDATION'),
      day,
    })
  }
}
