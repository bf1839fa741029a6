// The feeds parsed by a real XML parser (fast-xml-parser, strict validation first): RSS 2.0
// structure, absolute links, RFC 822 dates, and texts with markup, ampersands and "]]>" (twice)
// coming back exactly as they went in. fast-xml-parser does not check which characters XML allows,
// so every document is first read by saxes (strict XML 1.0, from exceljs's tree) as well.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import type { LatestCompletionFiling, LatestExposureEntry, LatestPermit } from '@web/server/home/latest-repository'
import { buildRss, cleanXmlText, completionFilingFeedItem, exposureFeedItem, FEEDS, permitFeedItem, rssResponse, RSS_CONTENT_TYPE } from './build-feed'

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

interface RssItem {
  title: string
  link: string
  guid: { '#text': string; '@_isPermaLink': string }
  pubDate: string
  description: string
}

/** Validates the XML strictly, then parses it; every text is kept as a string, entities decoded. */
function parseRss(xml: string) {
  const saxes = new SaxesParser()
  const errors: string[] = []
  saxes.on('error', (error) => errors.push(error.message))
  saxes.write(xml).close()
  if (errors.length) throw new Error(`not well-formed XML 1.0 (saxes): ${errors.join('; ')}`)
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
  const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, isArray: (name) => name === 'item' }).parse(xml)
  return doc as { rss: { '@_version': string; channel: Record<string, unknown> & { item?: RssItem[] } } }
}
const itemsOf = (xml: string): RssItem[] => parseRss(xml).rss.channel.item ?? []

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

describe('permit feed', () => {
  const xml = buildRss(FEEDS.permits, [permitFeedItem(permit, ORIGIN)], ORIGIN, AS_OF)
  const rss = parseRss(xml).rss

  it('is RSS 2.0 with a Chinese title, absolute links and a self link', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/)
    expect(rss['@_version']).toBe('2.0')
    const channel = rss.channel
    expect(channel.title).toBe('施工许可公开 - 海南省建筑市场诚信信息公开平台')
    expect(channel.link).toBe(`${ORIGIN}/permits`)
    expect(channel.language).toBe('zh-CN')
    expect(channel.description).toBe(FEEDS.permits.description)
    expect(channel['atom:link']).toMatchObject({ '@_href': `${ORIGIN}/feeds/permits.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' })
    // the newest entry dates the feed
    expect(channel.lastBuildDate).toBe('Mon, 23 Nov 2026 00:00:00 GMT')
  })

  it('has one item per permit, linked to its page, dated by its issue date', () => {
    const [item, ...rest] = itemsOf(xml)
    expect(rest).toEqual([])
    expect(item.title).toBe('施工许可证 460100202611230101：海口市某安置房项目 <一期> & 配套')
    expect(item.link).toBe(`${ORIGIN}/permits/460100202611230101`)
    expect(item.guid).toEqual({ '#text': `${ORIGIN}/permits/460100202611230101`, '@_isPermaLink': 'true' })
    expect(item.pubDate).toMatch(RFC_822)
    expect(item.pubDate).toBe('Mon, 23 Nov 2026 00:00:00 GMT')
    expect(item.description).toContain('合同价格：15,000.5 万元')
    expect(item.description).toContain('建筑面积：26,000 平方米')
  })
})

describe('completion-filing feed', () => {
  it('links each filing to its page', () => {
    const xml = buildRss(FEEDS.completionFilings, [completionFilingFeedItem(filing, ORIGIN)], ORIGIN, AS_OF)
    expect(parseRss(xml).rss.channel.title).toBe('竣工验收备案公开 - 海南省建筑市场诚信信息公开平台')
    const [item] = itemsOf(xml)
    expect(item.link).toBe(`${ORIGIN}/completion-filings/4601002026110001`)
    expect(item.pubDate).toBe('Fri, 20 Nov 2026 00:00:00 GMT')
    expect(item.description).toContain('备案日期：2026-11-20')
  })
})

describe('exposure feed', () => {
  const xml = buildRss(FEEDS.exposure, [personRecord, enterpriseRecord].map((e) => exposureFeedItem(e, ORIGIN)), ORIGIN, AS_OF)
  const [person, enterprise] = itemsOf(xml)

  it('names the kind and the subject, links to the subject, and keeps the record id as guid', () => {
    expect(person.title).toBe('【不良行为】陈明：未按规定履行项目经理职责')
    expect(person.link).toBe(`${ORIGIN}/practitioners/cps0001`)
    expect(person.guid).toEqual({ '#text': `${ORIGIN}/exposure#record-cir0001`, '@_isPermaLink': 'false' })
    expect(person.description).toBe('文号：海口住建罚字〔2026〕第3号；实施机关：海口市住房和城乡建设局；决定日期：2026-11-02；公示截止：2027-05-01。责令改正。')
    expect(person.pubDate).toBe('Mon, 02 Nov 2026 00:00:00 GMT')
    expect(enterprise.link).toBe(`${ORIGIN}/enterprises/91460100MA5T000002`)
    expect(enterprise.title).toMatch(/^【良好行为】/)
  })

  it('dates an empty feed by the build time and has no items', () => {
    const empty = buildRss(FEEDS.exposure, [], ORIGIN, AS_OF)
    expect(parseRss(empty).rss.channel.lastBuildDate).toBe('Tue, 24 Nov 2026 01:00:00 GMT')
    expect(itemsOf(empty)).toEqual([])
  })
})

describe('escaping', () => {
  const nasty = 'A ]]> B ]]> C <script>alert("x")</script> & D &amp; \'E\' ]]]]><![CDATA[> F'

  it('round-trips <, &, quotes and "]]>" (twice and already split) in titles and descriptions', () => {
    const xml = buildRss(FEEDS.exposure, [{ title: nasty, link: `${ORIGIN}/exposure`, guid: 'id-1', date: AS_OF, description: nasty }], ORIGIN, AS_OF)
    const [item] = itemsOf(xml)
    expect(item.title).toBe(nasty)
    expect(item.description).toBe(nasty)
    // no markup of a record's text reaches the document as markup
    expect(xml).not.toContain('<script>')
  })

  it('round-trips markup in every kind of entry, and in the names an entry is built from', () => {
    const hostile = '甲<b>&"乙"]]>丙]]>'
    const entries = [
      permitFeedItem({ ...permit, projectName: hostile, contractorName: hostile }, ORIGIN),
      completionFilingFeedItem({ ...filing, projectName: hostile }, ORIGIN),
      exposureFeedItem({ ...personRecord, title: hostile, description: hostile, subject: { type: 'PERSON', id: 'a&b<c>', name: hostile } }, ORIGIN),
    ]
    const items = itemsOf(buildRss(FEEDS.permits, entries, ORIGIN, AS_OF))
    expect(items.map((i) => i.title)).toEqual(entries.map((e) => e.title))
    expect(items.map((i) => i.description)).toEqual(entries.map((e) => e.description))
    expect(items.map((i) => i.link)).toEqual(entries.map((e) => e.link))
    // path segments are URL-encoded, so the link stays one URL
    expect(items[2].link).toBe(`${ORIGIN}/practitioners/a%26b%3Cc%3E`)
  })

  it('keeps the document well-formed when a stored text carries characters XML does not allow', () => {
    const xml = buildRss(FEEDS.permits, [{ title: 'a\u0000b\u0008c\uFFFFd\uD800e', link: `${ORIGIN}/permits/1`, date: AS_OF, description: 'tab\there\nnewline' }], ORIGIN, AS_OF)
    const [item] = itemsOf(xml)
    expect(item.title).toBe('abcde')
    expect(item.description).toBe('tab\there\nnewline')
  })

  it('parses with hostile titles, descriptions and links: every "]]>", control character and lone surrogate handled', () => {
    // several ]]>, a pre-split CDATA, C0 controls, U+FFFE/U+FFFF, lone high and low surrogates, a
    // valid pair (kept), markup and entities
    const hostile = '一]]>二]]>]]>三\u0001\u0007\u000B\u000C\u001F四\uD83D五\uDE00六\uD83D\uDE00七\uFFFE\uFFFF<script>alert(1)</script>&lt;]]]]><![CDATA[>\r\n\t末'
    const cleaned = '一]]>二]]>]]>三四五六\uD83D\uDE00七<script>alert(1)</script>&lt;]]]]><![CDATA[>\n\t末'
    expect(cleanXmlText(hostile)).toBe(cleaned.replace('\n', '\r\n'))
    const entries = [
      { title: hostile, link: `${ORIGIN}/exposure?q=${hostile}`, guid: hostile, date: AS_OF, description: hostile },
      exposureFeedItem({ ...personRecord, title: hostile, description: hostile, subject: { type: 'PERSON', id: `p\u0000${hostile}`, name: hostile } }, ORIGIN),
      permitFeedItem({ ...permit, permitNumber: `46\uDC00${hostile}`, projectName: hostile }, ORIGIN),
    ]
    const xml = buildRss(FEEDS.exposure, entries, ORIGIN, AS_OF)
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('<![CDATA[')
    const items = itemsOf(xml)
    expect(items).toHaveLength(3)
    // XML parsers normalise CR LF to LF in text
    expect(items[0].title).toBe(cleaned)
    expect(items[0].description).toBe(cleaned)
    expect(items[0].link).toBe(`${ORIGIN}/exposure?q=${cleaned}`)
    expect(items[0].guid['#text']).toBe(cleaned)
    expect(items[1].title).toBe(`【不良行为】${cleaned}：${cleaned}`)
    expect(items[1].description.endsWith(`。${cleaned}`)).toBe(true)
    expect(items[1].link).toBe(`${ORIGIN}/practitioners/${encodeURIComponent(`p${cleaned.replace('\n', '\r\n')}`)}`)
    expect(items[2].title).toBe(`施工许可证 46${cleaned}：${cleaned}`)
    expect(items[2].link).toBe(`${ORIGIN}/permits/${encodeURIComponent(`46${cleaned.replace('\n', '\r\n')}`)}`)
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
