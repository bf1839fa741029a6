// The footer's registration numbers: shown only when configured, ICP linked to the MIIT system.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { siteRecordItems } from '@web/lib/site-records'
import { SiteRecords } from './site-records'

const render = (settings: Parameters<typeof siteRecordItems>[0]) => renderToStaticMarkup(createElement(SiteRecords, { items: siteRecordItems(settings) }))

describe('SiteRecords', () => {
  it('shows nothing in the demo (nothing configured, or blank)', () => {
    expect(render({})).toBe('')
    expect(render({ SITE_IDENTIFIER_CODE: ' ', ICP_RECORD_NUMBER: '', PSB_RECORD_NUMBER: undefined })).toBe('')
  })

  it('shows all three, in order, the ICP number linked to beian.miit.gov.cn', () => {
    const html = render({ SITE_IDENTIFIER_CODE: '4600000001', ICP_RECORD_NUMBER: '琼ICP备05000848号-1', PSB_RECORD_NUMBER: '琼公网安备 46010602000283号' })
    expect(html).toBe(
      '<ul aria-label="网站备案信息" class="flex flex-wrap gap-x-4 gap-y-1">' +
        '<li>网站标识码：4600000001</li>' +
        '<li><a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" aria-label="ICP备案号：琼ICP备05000848号-1" class="text-white hover:text-white">琼ICP备05000848号-1</a></li>' +
        '<li><a href="https://beian.mps.gov.cn/#/query/webSearch?code=46010602000283" target="_blank" rel="noopener noreferrer" aria-label="公安机关备案号：琼公网安备 46010602000283号" class="text-white hover:text-white">琼公网安备 46010602000283号</a></li>' +
        '</ul>',
    )
  })

  it('shows only what is configured, and escapes it', () => {
    const html = render({ ICP_RECORD_NUMBER: '琼ICP备<b>1</b>号' })
    expect(html).not.toContain('网站标识码')
    expect(html).not.toContain('公网安备')
    expect(html).toContain('琼ICP备&lt;b&gt;1&lt;/b&gt;号')
    // a public-security number without its digits is shown unlinked
    expect(render({ PSB_RECORD_NUMBER: '琼公网安备号待定' })).toBe('<ul aria-label="网站备案信息" class="flex flex-wrap gap-x-4 gap-y-1"><li>琼公网安备号待定</li></ul>')
  })
})
