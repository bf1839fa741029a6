// The scoring standard (诚信评分标准) rendered from its data (shared/scoring): the page cannot say
// anything the engine does not do. Laid out as lists rather than wide tables, for phones.
import Link from 'next/link'
import type { Metadata } from 'next'
import { CURRENT_STANDARD, type Category, type ClassRules } from '@shared/scoring'
import { Breadcrumbs } from '@web/components/breadcrumbs'
import { formatPoints, GradeBadge, inspectionFrequency } from '@web/components/credit/grade-badge'

export const metadata: Metadata = {
  title: '诚信评分标准',
  description: '海南省建筑市场主体诚信评分标准：基础分、良好和不良行为记录的分值与公示期限、信用等级分数线、差别化监管措施和“黑名单”情形。',
}

const std = CURRENT_STANDARD
const SOURCES = new Map(std.sources.map((s) => [s.id, s]))

function Configurable({ item, field }: { item: { configurable: string[] }; field: string }) {
  return item.configurable.includes(field) ? <span className="text-sm text-muted">（可配置）</span> : null
}

function groundOf(code: string): string | null {
  return std.blacklist.grounds.find((g) => g.triggers.some((t) => t.categories.includes(code)))?.label ?? null
}

export default function StandardPage() {
  const good = std.categories.filter((c) => c.kind === 'GOOD')
  const bad = std.categories.filter((c) => c.kind === 'BAD')
  return (
    <>
      <Breadcrumbs items={[{ label: '信用等级', href: '/credit' }, { label: '评分标准' }]} />
      <h1 className="text-2xl font-bold text-brand-900">{std.name}</h1>
      <p className="mt-2">
        版本 {std.version}，{std.effectiveFrom} 起施行。{std.dayRule}
      </p>
      <p className="mt-1 text-sm text-muted">
        标注“可配置”的数值为本标准自行选定、可在新版本中调整的取值。标准全文数据：<a href="/api/v1/scoring-standard">JSON</a>。
      </p>
      <nav aria-label="本页目录" className="mt-4 rounded border border-line bg-surface px-4 py-2 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li><a href="#grades">信用等级</a></li>
          <li><a href="#categories">记录类别与分值</a></li>
          <li><a href="#classes">各类主体</a></li>
          <li><a href="#supervision">差别化监管</a></li>
          <li><a href="#blacklist">黑名单</a></li>
          <li><a href="#sources">依据</a></li>
        </ul>
      </nav>

      <Section id="grades" title="信用等级">
        <p className="mt-2">
          信用分 = 基础分 + 良好行为加分（按类别和合计封顶）− 不良行为扣分（每条全额扣分，不封顶），不低于最低分。达到某一等级分数线即评为该等级；列入“黑名单”期间为{' '}
          {std.blacklist.gradeWhileListed} 级。
        </p>
        <dl className="mt-3 space-y-2">
          {std.classes[0].bands.map((b) => (
            <div key={b.grade} className="flex gap-3">
              <dt className="shrink-0">
                <GradeBadge grade={b.grade} />
              </dt>
              <dd>
                <strong>{b.label}</strong>：{b.meaning}
              </dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="categories" title="记录类别、分值与公示期限">
        <p className="mt-2">
          良好行为记录公示 3 年；不良行为记录公示 6 个月至 3 年，且不短于相应行政处罚期限。记录自公示起始日起计分，公示期满不再计分，也不在诚信曝光台显示。
        </p>
        <h3 className="mt-4 text-lg font-bold">良好行为</h3>
        <CategoryList categories={good} />
        <h3 className="mt-4 text-lg font-bold">不良行为</h3>
        <CategoryList categories={bad} />
      </Section>

      <Section id="classes" title="各类主体的基础分、封顶分与等级分数线">
        {std.classes.map((cls) => (
          <ClassSummary key={cls.subjectClass} cls={cls} />
        ))}
        <p className="mt-3 text-sm text-muted">
          企业按企业类型适用规则：
          {Object.entries(std.enterpriseClasses)
            .map(([, c]) => c)
            .filter((c, i, all) => all.indexOf(c) === i)
            .map((c) => std.classes.find((x) => x.subjectClass === c)!.label)
            .join('、')}
          ；从业人员适用“注册执业人员”规则。
        </p>
      </Section>

      <Section id="supervision" title="差别化监管">
        <p className="mt-2">各等级对应的日常检查频次及在招标投标、资质资格、评优评先中的措施（检查频次均为可配置）：</p>
        {std.classes.map((cls) => (
          <details key={cls.subjectClass} className="mt-3 rounded border border-line px-3 py-2" open={cls.subjectClass === 'CONSTRUCTION'}>
            <summary className="cursor-pointer font-bold">{cls.label}</summary>
            <ul className="mt-2 space-y-3">
              {cls.supervision.map((s) => (
                <li key={s.grade}>
                  <p className="flex items-center gap-2 font-medium">
                    <GradeBadge grade={s.grade} /> 日常检查{inspectionFrequency(s.inspectionsPerQuarter)}
                  </p>
                  <dl className="mt-1 space-y-1 text-sm">
                    <Row label="检查">{s.inspection}</Row>
                    <Row label="招标投标">{s.bidding}</Row>
                    <Row label="资质资格">{s.qualification}</Row>
                    <Row label="评优评先">{s.awards}</Row>
                  </dl>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </Section>

      <Section id="blacklist" title="建筑市场主体“黑名单”">
        <p className="mt-2">
          有下列情形之一的，自情形确立之日起列入“黑名单”，管理期限 {std.blacklist.listingMonths} 个月
          <Configurable item={std.blacklist} field="listingMonths" />。{std.blacklist.removal}
        </p>
        <ul className="mt-3 space-y-2">
          {std.blacklist.grounds.map((g) => (
            <li key={g.code} className="rounded border border-line px-3 py-2">
              <p className="font-bold">{g.label}</p>
              <p className="text-sm">{g.description}</p>
              <p className="mt-1 text-sm text-muted">
                依据：{g.basis.map((b) => `${SOURCES.get(b.source)?.title ?? b.source} ${b.detail}`).join(' ')}
              </p>
            </li>
          ))}
        </ul>
        <p className="mt-3 font-medium">列入“黑名单”的后果：</p>
        <ul className="mt-1 list-disc pl-5">
          {std.blacklist.bars.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
        <p className="mt-2 text-sm">
          当前名单见 <Link href="/credit/blacklist">建筑市场主体“黑名单”</Link>。
        </p>
      </Section>

      <Section id="sources" title="依据">
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {std.sources.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong>：{s.note}
            </li>
          ))}
        </ul>
      </Section>
    </>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mt-8 scroll-mt-4">
      <h2 id={`${id}-heading`} className="border-b-2 border-brand-700 pb-1 text-xl font-bold text-brand-900">
        {title}
      </h2>
      {children}
    </section>
  )
}

function CategoryList({ categories }: { categories: Category[] }) {
  return (
    <ul className="mt-2 divide-y divide-line border-y border-line">
      {categories.map((c) => {
        const ground = groundOf(c.code)
        return (
          <li key={c.code} className="py-2">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <strong>{c.label}</strong>
              <span className="tabular-nums">
                {formatPoints(c.points)} 分<Configurable item={c} field="points" /> · 公示 {c.publishMonths} 个月
                <Configurable item={c} field="publishMonths" />
              </span>
            </p>
            <p className="text-sm">{c.description}</p>
            <p className="text-sm text-muted">
              代码 <code className="break-all">{c.code}</code>
              {ground && `；构成“黑名单”情形：${ground}`}
            </p>
          </li>
        )
      })}
    </ul>
  )
}

function ClassSummary({ cls }: { cls: ClassRules }) {
  const caps = cls.categories.filter((r) => r.cap !== null)
  const applies = new Set(cls.categories.map((r) => r.code))
  const notApplicable = std.categories.filter((c) => !applies.has(c.code))
  return (
    <div className="mt-4">
      <h3 className="text-lg font-bold">{cls.label}</h3>
      <p className="text-sm text-muted">{cls.covers}</p>
      <p className="mt-1">
        基础分 {cls.baseScore}，最低 {cls.minScore} 分，良好行为合计最多加 {cls.goodTotalCap} 分
        <Configurable item={cls} field="goodTotalCap" />。
      </p>
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm tabular-nums">
        {cls.bands.map((b, i) => (
          <span key={b.grade}>
            {b.grade}：{i === cls.bands.length - 1 ? `${b.minScore} 分以上` : `≥ ${b.minScore} 分`}
          </span>
        ))}
      </p>
      <p className="mt-1 text-sm">
        单项封顶：
        {caps.map((r) => `${std.categories.find((c) => c.code === r.code)!.label} ${formatPoints(r.cap!)}`).join('，')}。
        {notApplicable.length > 0 && ` 不适用（不计分）：${notApplicable.map((c) => c.label).join('、')}。`}
      </p>
    </div>
  )
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="sm:flex sm:gap-3">
      <dt className="shrink-0 text-muted sm:w-20">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  )
}
