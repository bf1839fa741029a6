import { describe, expect, it } from 'vitest'
import { DEFAULT_PORTAL_ORIGIN, parsePortalOrigin } from '../../config/portal-origin'
import { describePortalOrigin } from './portal-origin'

describe('parsePortalOrigin', () => {
  it('defaults to the local portal when unset or blank', () => {
    expect(parsePortalOrigin(undefined)).toBe(DEFAULT_PORTAL_ORIGIN)
    expect(parsePortalOrigin(null)).toBe('http://localhost:3000')
    expect(parsePortalOrigin('   ')).toBe('http://localhost:3000')
  })

  it('canonicalizes scheme, host case, trailing slash and default ports', () => {
    expect(parsePortalOrigin(' https://Portal.Example.CN/ ')).toBe('https://portal.example.cn')
    expect(parsePortalOrigin('https://portal.example.cn:443')).toBe('https://portal.example.cn')
    expect(parsePortalOrigin('http://portal.example.cn:80')).toBe('http://portal.example.cn')
    expect(parsePortalOrigin('HTTP://127.0.0.1:3000')).toBe('http://127.0.0.1:3000')
    expect(parsePortalOrigin('https://portal.example.cn:8443')).toBe('https://portal.example.cn:8443')
  })

  it('rejects anything that is not a bare http(s) origin', () => {
    for (const bad of [
      'portal.example.cn',
      'ftp://portal.example.cn',
      'https://portal.example.cn/api',
      'https://portal.example.cn?x=1',
      'https://user:pw@portal.example.cn',
      'https://portal.example.cn:0',
      'https://portal.example.cn:70000',
      'https://',
    ]) {
      expect(() => parsePortalOrigin(bad), bad).toThrow(/TARO_APP_PORTAL_ORIGIN/)
    }
  })
})

describe('describePortalOrigin', () => {
  it('marks origins a released mini-program cannot call', () => {
    expect(describePortalOrigin('http://localhost:3000').note).toMatch(/HTTPS/)
    expect(describePortalOrigin('https://127.0.0.1:3000').note).not.toBeNull()
    expect(describePortalOrigin('http://portal.example.cn').note).not.toBeNull()
  })

  it('says nothing more about a public https origin', () => {
    expect(describePortalOrigin('https://portal.example.cn')).toEqual({
      origin: 'https://portal.example.cn',
      note: null,
    })
  })
})
