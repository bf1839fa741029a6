import { describe, expect, it } from 'vitest'
import type { LatestCompletionFiling, LatestExposureEntry, LatestPermit } from '@web/server/home/latest-repository'
import { buildRss, completionFilingFeedItem, exposureFeedItem, FEEDS, permitFeedItem, rssResponse, RSS_CONTENT_TYPE } from './build-feed'

const ORIGIN = 'https://jzsc.hainan.gov.cn'
const AS_OF = new Date('2026-11-24T01:00:00Z')

const permit: LatestPermit = {
  permitNumber: '460100202611230101',
  projectName: '海口市某安置房项目 <一期> & 配套',
  projectCode: '2026-460100-47-01-000001',
  regionName: '海口市',
  contractorName: '海南椰城建设工程有限公司',
  issuedOn: '2026-11-23',
  contractPrice: 15000.5,
  floorArea: 26000,
}

const filing: LatestCompletionFiling = {
  filingNumber: '4601002026110001',
  projectName: '三亚某学校',
  projectCode: '2024-460200-47-01-000002',
  regionName: '三亚市',
  acceptedOn: '2026-11-10',
  filedOn: '2026-11-20',
}

const personRecord: LatestExposureEntry = {
  id: 'cir0001',
  kind: 'BAD',
  subject: { type: 'PERSON', id: 'cps0001', name: '陈明' },
  title: '未按规定履行项目经理职责',
  description: '责令改正。',
  decisionNumber: '海口住建罚字〔2026〕第3号',
  issuedBy: '海口市住房和城乡建设局',
  decidedOn: '2026-11-02',
  lastPublicDay: '2027-05-01',
}

const enterpriseRecord: LatestExposureEntry = {
  ...personRecord,
  id: 'cir0002',
  kind: 'GOOD',
  subject: { type: 'ENTERPRISE', name: '海南椰城建设工程有限公司', uscc: '91460100MA5T000002' },
  title: '海南省优质工程“绿岛杯”',
  decidedOn: '2026-11-01',
}

const items = (xml: string) => [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1])

describe('permit feed', () => {
  const xml = buildRss(FEEDS.permits, [permitFeedItem(permit, ORIGIN)], ORIGIN, AS_OF)

  it('is RSS 2.0 with a Chinese title, absolute links and a self link', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/)
    expect(xml).toContain('<rss version="2.0"')
    expect(xml).toContain('<title>施工许可公开 - 海南省建筑市场诚信信息公开平台</title>')
    expect(xml).toContain(`<link>${ORIGIN}/permits</link>`)
    expect(xml).toContain(`<atom:link href="${ORIGIN}/feeds/permits.xml" rel="self" type="application/rss+xml"/>`)
    expect(xml).toContain('<language>zh-CN</language>')
  })

  it('has one item per permit, linked to its page, dated by its issue date', () => {
    const [item] = items(xml)
    expect(item).toContain(`<link>${ORIGIN}/permits/460100202611230101</link>`)
    expect(item).toContain('<guid isPermaLink="true">')
    expect(item).toContain('<pubDate>Mon, 23 Nov 2026 00:00:00 GMT</pubDate>')
    expect(item).toContain('<![CDATA[施工许可证 460100202611230101：海口市某安置房项目 <一期> & 配套]]>')
    expect(item).toContain('合同价格：15,000.5 万元')
    // the newest entry dates the feed
    expect(xml).toContain('<lastBuildDate>Mon, 23 Nov 2026 00:00:00 GMT</lastBuildDate>')
  })

  it('parses as XML even with markup in names', () => {
    expect(() => new DOMParserLike(xml)).not.toThrow()
  })
})

describe('completion-filing feed', () => {
  it('links each filing to its page', () => {
    const xml = buildRss(FEEDS.completionFilings, [completionFilingFeedItem(filing, ORIGIN)], ORIGIN, AS_OF)
    expect(xml).toContain('<title>竣工验收备案公开 - 海南省建筑市场诚信信息公开平台</title>')
    expect(items(xml)[0]).toContain(`<link>${ORIGIN}/completion-filings/4601002026110001</link>`)
    expect(items(xml)[0]).toContain('备案日期：2026-11-20')
  })
})

describe('exposure feed', () => {
  const xml = buildRss(FEEDS.exposure, [personRecord, enterpriseRecord].map((e) => exposureFeedItem(e, ORIGIN)), ORIGIN, AS_OF)
  const [person, enterprise] = items(xml)

  it('names the kind and the subject, links to the subject, and keeps the record id as guid', () => {
    expect(person).toContain('<![CDATA[【不良行为】陈明：未按规定履行项目经理职责]]>')
    expect(person).toContain(`<link>${ORIGIN}/practitioners/cps0001</link>`)
    expect(person).toContain(`<guid isPermaLink="false">${ORIGIN}/exposure#record-cir0001</guid>`)
    expect(person).toContain('<![CDATA[文号：海口住建罚字〔2026〕第3号；实施机关：海口市住房和城乡建设局；决定日期：2026-11-02；公示截止：2027-05-01。责令改正。]]>')
    expect(enterprise).toContain(`<link>${ORIGIN}/enterprises/91460100MA5T000002</link>`)
    expect(enterprise).toContain('【良好行为】')
  })

  it('dates an empty feed by the build time', () => {
    expect(buildRss(FEEDS.exposure, [], ORIGIN, AS_OF)).toContain('<lastBuildDate>Tue, 24 Nov 2026 01:00:00 GMT</lastBuildDate>')
  })
})

describe('rssResponse', () => {
  it('serves RSS with its content type', async () => {
    const res = rssResponse('<rss/>')
    expect(res.headers.get('content-type')).toBe(RSS_CONTENT_TYPE)
    expect(RSS_CONTENT_TYPE).toBe('application/rss+xml; charset=utf-8')
    expect(await res.text()).toBe('<rss/>')
  })
})

/** A minimal well-formedness check (no DOMParser in Node): every tag closes in order. */
class DOMParserLike {
  constructor(xml: string) {
    const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    if (/&(?!amp;|lt;|gt;|quot;|apos;|#)/.test(body)) throw new Error('unescaped &')
    const stack: string[] = []
    for (const m of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
      const [, closing, name, selfClosing] = m
      if (selfClosing) continue
      if (closing) {
        if (stack.pop() !== name) throw new Error(`mismatched </${name}>`)
      } else stack.push(name)
    }
    if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`)
  }
}
