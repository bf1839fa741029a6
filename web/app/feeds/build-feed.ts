// RSS 2.0 feeds of new disclosures, built with `feed`. Pure functions of the DTOs and the
// portal's origin, so the route handlers stay one line and the XML is unit-tested.
import { Feed, type Item } from 'feed'
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
const path = (...segments: string[]) => segments.map(encodeURIComponent).join('/')
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })

/** The feed as XML. `asOf` is its lastBuildDate when there are no entries. */
export function buildRss(definition: FeedDefinition, items: Item[], origin: string, asOf: Date): string {
  const feed = new Feed({
    id: `${origin}${definition.pagePath}`,
    link: `${origin}${definition.pagePath}`,
    feed: `${origin}${definition.path}`,
    title: definition.title,
    description: definition.description,
    language: 'zh-CN',
    ttl: 60,
    updated: items.reduce<Date | undefined>((newest, item) => (!newest || item.date > newest ? item.date : newest), undefined) ?? asOf,
    copyright: `${site.sponsor.name} 版权所有`,
    generator: site.name,
    author: { name: site.sponsor.name },
  })
  for (const item of items) feed.addItem(item)
  return feed.rss2()
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
