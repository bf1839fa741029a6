import { describe, expect, it } from 'vitest'
import { makeUscc } from '@shared/validators/uscc'
import { personIdParam, personIdPathSchema, practitionerListQuerySchema, practitionerProjectsQuerySchema } from './practitioner-queries'

const USCC = makeUscc('91', '460100', 'MA5T0001')

describe('practitionerListQuerySchema', () => {
  it('accepts a typical query, normalizing the employer USCC', () => {
    expect(practitionerListQuerySchema.parse({ q: '琼146202400123', type: 'CONSTRUCTOR_1', region: '440300', scope: 'OUT', employer: USCC.toLowerCase() })).toEqual({
      q: '琼146202400123',
      type: 'CONSTRUCTOR_1',
      region: '440300',
      scope: 'OUT',
      employer: USCC,
      page: 1,
      pageSize: 20,
    })
  })

  it('treats empty parameters as absent', () => {
    expect(practitionerListQuerySchema.parse({ q: '', type: '', region: '', scope: '', employer: '' })).toEqual({ page: 1, pageSize: 20 })
  })

  it.each([
    [{ type: 'CONSTRUCTOR_3' }, 'type'],
    [{ region: '460199' }, 'region'],
    [{ scope: 'in' }, 'scope'],
    [{ employer: '9146' }, 'employer'],
    [{ page: '-1' }, 'page'],
  ])('rejects %j naming %s', (input, parameter) => {
    const result = practitionerListQuerySchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path).toEqual([parameter])
  })

  it('takes a key-person role for the projects of a practitioner', () => {
    expect(practitionerProjectsQuerySchema.parse({ role: 'CHIEF_SUPERVISOR' })).toEqual({ role: 'CHIEF_SUPERVISOR', page: 1, pageSize: 20 })
    expect(practitionerProjectsQuerySchema.safeParse({ role: 'CONTRACTOR' }).success).toBe(false)
  })
})

describe('personIdParam', () => {
  it('accepts generated ids', () => {
    expect(personIdParam('cpe00000013rh1iyie11lowsu')).toEqual({ ok: true, id: 'cpe00000013rh1iyie11lowsu' })
  })
  it.each(['', 'a b', '../etc', 'x'.repeat(65), '%E4%B8', '张三'])('rejects %j', (raw) => {
    expect(personIdParam(raw).ok).toBe(false)
  })
  it('as a path schema, names the parameter id', () => {
    const bad = personIdPathSchema.safeParse({ id: '张三' })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues[0].path).toEqual(['id'])
  })
})
