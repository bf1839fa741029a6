import { describe, expect, it } from 'vitest'
import { badRequestHtml, badRequestJson, checkRequestPath, MAX_URL_LENGTH } from './request-path'

describe('checkRequestPath', () => {
  it('accepts ordinary and encoded URLs', () => {
    for (const u of ['/', '/permits?q=%E6%B5%B7%E5%8F%A3&page=2', '/permits/%E7%BC%96%E5%8F%B7', '/search?q=a+b&x=', '/v/AbC-_123']) {
      expect(checkRequestPath(u), u).toBeNull()
    }
  })

  it('refuses malformed percent-escapes in the path', () => {
    for (const u of ['/api/v1/permits/%ED%A0%80', '/permits/%E0%A4%A', '/permits/%', '/permits/%zz?q=1', '/%FF/x']) {
      expect(checkRequestPath(u)?.code, u).toBe('MALFORMED_ENCODING')
    }
  })

  it('leaves the query to URLSearchParams, which reads bad escapes without failing', () => {
    expect(checkRequestPath('/permits?q=%E0%A4%A')).toBeNull()
    expect(new URLSearchParams('q=%E0%A4%A').get('q')).toContain('\uFFFD')
  })

  it(`refuses URLs over ${MAX_URL_LENGTH} characters`, () => {
    const base = '/search?q='
    expect(checkRequestPath(base + 'a'.repeat(MAX_URL_LENGTH - base.length))).toBeNull()
    expect(checkRequestPath(base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1))?.code).toBe('URL_TOO_LONG')
  })
})

describe('the 400 answers', () => {
  it('is JSON in the API error shape naming the part at fault', () => {
    const body = JSON.parse(badRequestJson({ code: 'MALFORMED_ENCODING', message: '坏' }))
    expect(body).toEqual({ error: { code: 'bad_request', message: '坏', issues: [{ parameter: 'path', message: '坏' }] } })
    expect(JSON.parse(badRequestJson({ code: 'URL_TOO_LONG', message: '长' })).error.issues[0].parameter).toBe('url')
  })

  it('is a Chinese page with the message escaped and no script', () => {
    const html = badRequestHtml({ code: 'MALFORMED_ENCODING', message: '<b>x</b>' })
    expect(html).toContain('lang="zh-CN"')
    expect(html).toContain('网址有误')
    expect(html).toContain('&#60;b&#62;x&#60;/b&#62;')
    expect(html).not.toContain('<script')
  })
})
