import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { dateParamSchema, dateRange, enumParamSchema, regionFilterSchema, searchTermSchema, yearParamSchema } from './query-params'
import { paginationSchema } from './pagination'

describe('list query parameters', () => {
  const schema = z.object({
    q: searchTermSchema,
    region: regionFilterSchema,
    from: dateParamSchema,
    year: yearParamSchema,
    category: enumParamSchema(['BUILDING', 'MUNICIPAL'] as const, '工程类别'),
  }).extend(paginationSchema.shape)

  it('accepts a typical query and fills defaults', () => {
    expect(schema.parse({ q: ' 花园 ', region: '460100', from: '2024-02-29', year: '2024', category: 'BUILDING' })).toEqual({
      q: '花园', region: '460100', from: '2024-02-29', year: 2024, category: 'BUILDING', page: 1, pageSize: 20,
    })
  })

  it('treats empty parameters as absent', () => {
    expect(schema.parse({ q: '', region: '', from: '', category: '' })).toEqual({ page: 1, pageSize: 20 })
  })

  it.each([
    [{ region: '999999' }, 'region'],
    [{ from: '2023-02-29' }, 'from'],
    [{ from: '2024/01/01' }, 'from'],
    [{ year: '20x4' }, 'year'],
    [{ category: 'HOUSE' }, 'category'],
    [{ page: '0' }, 'page'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ q: 'x'.repeat(101) }, 'q'],
    // PostgreSQL cannot bind a NUL: refused as a parameter, not a database error
    [{ q: '花园\u0000' }, 'q'],
    [{ q: 'a\u001bb' }, 'q'],
  ])('rejects %j naming %s', (input, parameter) => {
    const result = schema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path).toEqual([parameter])
  })
})

describe('dateRange', () => {
  it('makes a year into [1 Jan, next 1 Jan)', () => {
    expect(dateRange({ year: 2024 })).toEqual({ gte: new Date('2024-01-01T00:00:00Z'), lt: new Date('2025-01-01T00:00:00Z') })
  })
  it('includes the whole "to" day and intersects with a year', () => {
    expect(dateRange({ year: 2024, from: '2024-03-01', to: '2024-03-31' })).toEqual({ gte: new Date('2024-03-01T00:00:00Z'), lt: new Date('2024-04-01T00:00:00Z') })
  })
  it('is undefined without bounds', () => {
    expect(dateRange({})).toBeUndefined()
  })
})
