import { describe, expect, it } from 'vitest'
import { InputError } from '@web/server/lib/errors'
import { staffSearchTerm } from './staff-search'

describe('staffSearchTerm', () => {
  it('trims a term and reads blank as none', () => {
    expect(staffSearchTerm('  海口  ')).toBe('海口')
    expect(staffSearchTerm('   ')).toBeUndefined()
    expect(staffSearchTerm(undefined)).toBeUndefined()
  })

  it('refuses with InputError naming the field, with the public search’s message', () => {
    const refused = (q: string, field?: string) => {
      try {
        staffSearchTerm(q, field)
      } catch (error) {
        expect(error).toBeInstanceOf(InputError)
        return (error as InputError).fields
      }
      throw new Error('not refused')
    }
    expect(refused('x'.repeat(101))).toEqual({ q: '搜索词不能超过 100 个字符' })
    expect(refused('a%b%c%d%e%f%g%h%i')).toEqual({ q: '搜索词中 %、_、\\ 等特殊字符过多，请精简后再搜索' })
    expect(refused('海\u0000口', 'name')).toEqual({ name: '搜索词不能包含控制字符' })
    expect(staffSearchTerm('a%b%c%d%e%f%g%h')).toBe('a%b%c%d%e%f%g%h')
  })
})
