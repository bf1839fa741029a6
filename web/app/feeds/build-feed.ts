// RSS 2.0 feeds of new disclosures. Pure functions of the DTOs and the portal's origin, so the
// route handlers stay one line and the XML is unit-tested. The XML is written here, every text
// escaped as character data: the `feed` package wrapped texts in CDATA and split only the first
// "]]>" of a text, so a title with two of them ended its CDATA early and broke the document. With
// no CDATA section at all, every "]]>" is just text (its ">" escaped), however many there are.
import { RECORD_KIND_LABELS } from '@shared/domain/enums'
import type { LatestCompletionFiling, LatestExposureEntry, LatestPermit } from '@web/server/home/latest-repository'
import { site } from '@web/lib/site'

/** Entries per feed. */
export const FEED_SIZE = 50

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'

export interface FeedDefinition {
  /** path of the feed itself, e.g. /feeds/permits.xml */
  path: string
  /** path of the page that lists the same entries */
  pagePath: string
  title: string
  description: string
}

export const FEEDS = {
  permits: {
    path: '/feeds/permits.xml',
    pagePath: '/permits',
    title: `施工许可公开 - ${site.name}`,
    description: '海南省新核发的建筑工程施工许可证（最新 50 条）。',
  },
  completionFilings: {
    path: '/feeds/completion-filings.xml',
    pagePath: '/completion-filings',
    title: `竣工验收备案公开 - ${site.name}`,
    description: '海南省新办理的房屋建筑和市政基础设施工程竣工验收备案（最新 50 条）。',
  },
  exposure: {
    path: '/feeds/exposure.xml',
    pagePath: '/exposure',
    title: `诚信曝光台 - ${site.name}`,
    description: '海南省建筑市场各方主体在公示期内的良好行为和不良行为记录（最新 50 条）。',
  },
} as const satisfies Record<string, FeedDefinition>

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`)
// a lone surrogate would make encodeURIComponent throw: cleaned first, like every text
const path = (...segments: string[]) => segments.map((segment) => encodeURIComponent(cleanXmlText(segment))).join('/')
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })

/** One entry of a feed. */
export interface Item {
  title: string
  /** absolute URL of the entry's page */
  link: string
  /** stable identity when the link is not the entry's own address (then not a permalink) */
  guid?: string
  date: Date
  description: string
}

// XML 1.0 allows no C0 controls but tab, LF and CR, no lone surrogates and not U+FFFE/U+FFFF (not
// even as character references): a stored text carrying one must not make the whole feed
// unreadable, so they are dropped
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The text without the characters XML 1.0 forbids. */
export function cleanXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '')
}

/** Text as XML character data or attribute value: forbidden characters dropped, every markup character escaped. */
export function escapeXml(text: string): string {
  return cleanXmlText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${escapeXml(text)}</${name}>`
/** RFC 822 date, as RSS 2.0 wants it (e.g. "Mon, 23 Nov 2026 00:00:00 GMT"). */
const rfc822 = (date: Date) => date.toUTCString()

/** The feed as XML. `asOf` is its lastBuildDate when there are no entries. */
export function buildRss(definition: FeedDefinition, items: Item[], origin: string, asOf: Date): string {
  const updated = items.reduce<Date | undefined>((newest, item) => (!newest || item.date > newest ? item.date : newest), undefined) ?? asOf
  const entries = items.map((item) =>
    [
      '    <item>',
      `      ${element('title', item.title)}`,
      `      ${element('link', item.link)}`,
      item.guid === undefined
        ? `      ${element('guid', item.link, ' isPermaLink="true"')}`
        : `      ${element('guid', item.guid, ' isPermaLink="false"')}`,
      `      ${element('pubDate', rfc822(item.date))}`,
      `      ${element('description', item.description)}`,
      '    </item>',
    ].join('\n'),
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    ${element('title', definition.title)}`,
    `    ${element('link', `${origin}${definition.pagePath}`)}`,
    `    ${element('description', definition.description)}`,
    `    ${element('lastBuildDate', rfc822(updated))}`,
    `    ${element('docs', 'https://validator.w3.org/feed/docs/rss2.html')}`,
    `    ${element('generator', site.name)}`,
    `    ${element('language', 'zh-CN')}`,
    `    ${element('ttl', '60')}`,
    `    ${element('copyright', `${site.sponsor.name} 版权所有`)}`,
    `    <atom:link href="${escapeXml(`${origin}${definition.path}`)}" rel="self" type="application/rss+xml"/>`,
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}

export function permitFeedItem(p: LatestPermit, origin: string): Item {
  const link = `${origin}/permits/${path(p.permitNumber)}`
  return {
    title: `施工许可证 ${p.permitNumber}：${p.projectName}`,
    link,
    date: dateOf(p.issuedOn),
    description: [
      `工程名称：${p.projectName}`,
      `项目编码：${p.projectCode}`,
      `市县：${p.regionName}`,
      `施工单位：${p.contractorName}`,
      `合同价格：${number.format(p.contractPrice)} 万元`,
      ...(p.floorArea !== null ? [`建筑面积：${number.format(p.floorArea)} 平方米`] : []),
      `发证日期：${p.issuedOn}`,
    ].join('；'),
  }
}

export function completionFilingFeedItem(f: LatestCompletionFiling, origin: string): Item {
  return {
    title: `竣工验收备案 ${f.filingNumber}：${f.projectName}`,
    link: `${origin}/completion-filings/${path(f.filingNumber)}`,
    date: dateOf(f.filedOn),
    description: [
      `工程名称：${f.projectName}`,
      `项目编码：${f.projectCode}`,
      `市县：${f.regionName}`,
      `竣工验收日期：${f.acceptedOn}`,
      `备案日期：${f.filedOn}`,
    ].join('；'),
  }
}

/** An exposure-board record: links to its subject's page; a person by name only. */
export function exposureFeedItem(e: LatestExposureEntry, origin: string): Item {
  const link =
    e.subject.type === 'ENTERPRISE' ? `${origin}/enterprises/${path(e.subject.uscc)}` : `${origin}/practitioners/${path(e.subject.id)}`
  return {
    title: `【${RECORD_KIND_LABELS[e.kind]}】${e.subject.name}：${e.title}`,
    link,
    // the subject page is not the record's own address; the record's id is its stable identity
    guid: `${origin}/exposure#record-${e.id}`,
    date: dateOf(e.decidedOn),
    description: `${[`文号：${e.decisionNumber}`, `实施机关：${e.issuedBy}`, `决定日期：${e.decidedOn}`, `公示截止：${e.lastPublicDay}`].join('；')}。${e.description}`,
  }
}

export function rssResponse(xml: string): Response {
  return new Response(xml, {
    headers: {
      'content-type': RSS_CONTENT_TYPE,
      // readers poll; a few minutes of staleness is fine and spares the database
      'cache-control': 'public, max-age=300',
    },
  })
}
