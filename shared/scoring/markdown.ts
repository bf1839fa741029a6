// The standard as Markdown tables: the generated part of docs/scoring-standard.md. Generating
// it keeps the documentation from drifting from the numbers the engine uses (a test compares
// the file with this output; `npx tsx shared/scoring/print-standard.ts --write` refreshes it).

import { ENTERPRISE_TYPE_LABELS, ENTERPRISE_TYPES, RECORD_KIND_LABELS } from '../domain/enums'
import type { BlacklistTrigger, ScoringStandard } from './schema'
import { GRADES } from './schema'

export const GENERATED_BEGIN = '<!-- BEGIN GENERATED: npx tsx shared/scoring/print-standard.ts --write -->'
export const GENERATED_END = '<!-- END GENERATED -->'

function cell(s: string | number): string {
  return String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function row(cells: (string | number)[]): string {
  return `| ${cells.map(cell).join(' | ')} |`
}

function table(head: string[], rows: (string | number)[][]): string {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n')
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0'
}

function mark(configurable: string[], field: string): string {
  return configurable.includes(field) ? '（可配置）' : ''
}

export function renderStandardMarkdown(std: ScoringStandard): string {
  const categories = new Map(std.categories.map((c) => [c.code, c]))
  const groundOf = new Map<string, string[]>()
  for (const g of std.blacklist.grounds)
    for (const t of g.triggers)
      for (const code of t.categories) groundOf.set(code, [...new Set([...(groundOf.get(code) ?? []), g.label])])
  const sourceTitle = new Map(std.sources.map((s) => [s.id, s.title]))
  const out: string[] = []

  out.push(`### ${std.name}（${std.version}）`, '', `施行日期：${std.effectiveFrom}。${std.dayRule}`, '')

  out.push('#### 记录类别、分值与公示期限', '')
  out.push(
    table(
      ['代码', '类别', '属性', '分值', '公示期限（月）', '黑名单情形', '说明'],
      std.categories.map((c) => [
        `\`${c.code}\``,
        c.label,
        RECORD_KIND_LABELS[c.kind],
        `${signed(c.points)}${mark(c.configurable, 'points')}`,
        `${c.publishMonths}${mark(c.configurable, 'publishMonths')}`,
        (groundOf.get(c.code) ?? []).join('；') || '—',
        c.description,
      ]),
    ),
    '',
    '不良行为记录的公示期限不得短于相应行政处罚期限：公示截止 = max(公示起始日 + 公示月数, 处罚期满次日) − 1 日。',
    '',
  )

  out.push('#### 各类主体的基础分与良好行为封顶分', '')
  out.push(
    table(
      ['主体类别', '范围', '基础分', '最低分', '良好行为合计封顶'],
      std.classes.map((c) => [
        c.label,
        c.covers,
        c.baseScore,
        `${c.minScore}${mark(c.configurable, 'minScore')}`,
        `${signed(c.goodTotalCap)}${mark(c.configurable, 'goodTotalCap')}`,
      ]),
    ),
    '',
  )
  out.push('各类别对各类主体是否适用及单项封顶分（“—”为不适用，不计分；“全额”为不封顶，每条记录全额扣分）：', '')
  out.push(
    table(
      ['代码', '类别', ...std.classes.map((c) => c.label)],
      std.categories.map((cat) => [
        `\`${cat.code}\``,
        cat.label,
        ...std.classes.map((cls) => {
          const rule = cls.categories.find((r) => r.code === cat.code)
          if (!rule) return '—'
          if (rule.cap === null) return '全额'
          return `封顶 ${signed(rule.cap)}${mark(rule.configurable, 'cap')}`
        }),
      ]),
    ),
    '',
  )

  out.push('#### 信用等级', '')
  const first = std.classes[0]
  out.push(
    table(
      ['等级', '含义', ...std.classes.map((c) => `${c.label}（分数线）`)],
      GRADES.map((g, i) => [
        g,
        `${first.bands[i].label}：${first.bands[i].meaning}`,
        ...std.classes.map((c) => {
          const b = c.bands[i]
          const upper = i === 0 ? null : c.bands[i - 1].minScore
          return `${upper === null ? `≥ ${b.minScore}` : `${b.minScore} ≤ 分 < ${upper}`}${mark(b.configurable, 'minScore')}`
        }),
      ]),
    ),
    '',
    `列入“黑名单”期间，信用等级不高于 ${std.blacklist.gradeWhileListed} 级${mark(std.blacklist.configurable, 'gradeWhileListed')}。`,
    '',
  )

  out.push('#### 差别化监管', '')
  out.push('各类主体各等级的监管措施（检查频次为每季度日常检查次数，均为可配置）：', '')
  for (const cls of std.classes) {
    out.push(`**${cls.label}**`, '')
    out.push(
      table(
        ['等级', '检查频次（次/季度）', '日常检查', '招标投标', '资质资格', '评优评先'],
        cls.supervision.map((s) => [s.grade, s.inspectionsPerQuarter, s.inspection, s.bidding, s.qualification, s.awards]),
      ),
      '',
    )
  }

  out.push('#### 建筑市场主体“黑名单”', '')
  const trigger = (t: BlacklistTrigger) => {
    const labels = t.categories.map((code) => `“${categories.get(code)?.label ?? code}”`).join('或')
    return t.count === 1 ? `任一条${labels}记录` : `${t.withinMonths}个月内（按处罚决定日）累计${t.count}条${labels}记录`
  }
  out.push(
    table(
      ['情形', '说明', '触发条件', '依据'],
      std.blacklist.grounds.map((g) => [
        g.label,
        g.description,
        g.triggers.map(trigger).join('；或'),
        g.basis.map((b) => `${sourceTitle.get(b.source) ?? b.source} ${b.detail}`).join(' '),
      ]),
    ),
    '',
    `管理期限：自情形确立之日起 ${std.blacklist.listingMonths} 个月${mark(std.blacklist.configurable, 'listingMonths')}。${std.blacklist.removal}`,
    '',
    '列入“黑名单”的后果：',
    '',
    ...std.blacklist.bars.map((b) => `- ${b}`),
    '',
  )

  out.push('#### 企业类型与主体类别', '')
  out.push(
    table(
      ['企业类型', '适用规则'],
      ENTERPRISE_TYPES.map((t) => [ENTERPRISE_TYPE_LABELS[t], std.classes.find((c) => c.subjectClass === std.enterpriseClasses[t])?.label ?? '']),
    ),
    '',
    '从业人员（注册执业人员）适用“注册执业人员”规则。',
    '',
  )

  out.push('#### 依据', '')
  out.push(...std.sources.map((s) => `- ${s.title}：${s.note}`))
  return out.join('\n')
}
