import { describe, expect, it } from 'vitest'
import { loggableUrl, safeClientRequestId } from './access-log'

describe('loggableUrl', () => {
  it('keeps the path and only the names of query parameters', () => {
    expect(loggableUrl('/permits?q=%E6%B5%B7%E5%8F%A3&page=2&q=again')).toEqual({ path: '/permits', query: ['q', 'page'] })
    expect(loggableUrl('/admin/practitioners?q=460100198001010011')).toEqual({ path: '/admin/practitioners', query: ['q'] })
    expect(loggableUrl('/')).toEqual({ path: '/' })
    expect(loggableUrl(undefined)).toEqual({ path: '/' })
  })

  it('replaces tracking numbers and certificate codes in the path', () => {
    expect(loggableUrl('/credit/objections/26A1B2C3D4E5F6G7H8K').path).toBe('/credit/objections/:trackingNumber')
    expect(loggableUrl('/api/v1/objections/26A1B2C3D4E5F6G7H8K').path).toBe('/api/v1/objections/:trackingNumber')
    expect(loggableUrl('/admin/objections/26A1B2C3D4E5F6G7H8K?tab=x').path).toBe('/admin/objections/:trackingNumber')
    expect(loggableUrl('/credit/objections/new?record=5&kind=OBJECTION')).toEqual({ path: '/credit/objections/new', query: ['record', 'kind'] })
    expect(loggableUrl('/credit/objections')).toEqual({ path: '/credit/objections' })
    expect(loggableUrl('/v/AQIDBAUGBwgJ').path).toBe('/v/:code')
  })

  it('replaces ID-number-like and phone-like segments and parameter names', () => {
    expect(loggableUrl('/x/46010019800101001X/y').path).toBe('/x/:redacted/y')
    expect(loggableUrl('/x/%313800138000').path).toBe('/x/:redacted')
    expect(loggableUrl('/x?13800138000=1').query).toEqual([':redacted'])
    // a 6-digit region code and an 18-character USCC are not personal
    expect(loggableUrl('/enterprises/91460100MA5T000001').path).toBe('/enterprises/91460100MA5T000001')
    expect(loggableUrl('/statistics/460100').path).toBe('/statistics/460100')
  })

  it('survives malformed escapes and bounds what it keeps', () => {
    expect(loggableUrl('/permits/%E0%A4%A?%ZZ=1').path).toBe('/permits/%E0%A4%A')
    expect(loggableUrl(`/${'a'.repeat(1000)}`).path.length).toBeLessThanOrEqual(257)
    const many = Array.from({ length: 100 }, (_, i) => `p${i}=1`).join('&')
    expect(loggableUrl(`/x?${many}`).query).toHaveLength(20)
  })
})

describe('safeClientRequestId', () => {
  it('keeps a short plain token only', () => {
    expect(safeClientRequestId('abc-123.DEF:9_z')).toBe('abc-123.DEF:9_z')
    expect(safeClientRequestId(['first', 'second'])).toBe('first')
    expect(safeClientRequestId(undefined)).toBeUndefined()
    expect(safeClientRequestId('')).toBeUndefined()
    expect(safeClientRequestId('a'.repeat(65))).toBeUndefined()
    expect(safeClientRequestId('<script>')).toBeUndefined()
    expect(safeClientRequestId('has space')).toBeUndefined()
    expect(safeClientRequestId('id-13800138000')).toBeUndefined()
  })
})
