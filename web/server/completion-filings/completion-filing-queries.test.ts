import { describe, expect, it } from 'vitest'
import { completionFilingListQuerySchema, filingNumberParam } from './completion-filing-queries'
import { projectCodeParam, projectListQuerySchema } from '@web/server/projects/project-queries'

describe('completion-filing list query', () => {
  it('accepts every filter and fills the paging defaults', () => {
    expect(
      completionFilingListQuerySchema.parse({ q: ' JB46 ', region: '460100', year: '2024', from: '2024-01-01', to: '2024-06-30', category: 'MUNICIPAL', status: 'REVOKED' }),
    ).toEqual({ q: 'JB46', region: '460100', year: 2024, from: '2024-01-01', to: '2024-06-30', category: 'MUNICIPAL', status: 'REVOKED', page: 1, pageSize: 20 })
  })

  it.each([
    [{ region: '110000' }, 'region'],
    [{ category: 'HOUSE' }, 'category'],
    [{ status: 'VALID' }, 'status'],
    [{ to: '2024-02-30' }, 'to'],
    [{ pageSize: '0' }, 'pageSize'],
  ])('rejects %j naming %s', (input, parameter) => {
    const result = completionFilingListQuerySchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path).toEqual([parameter])
  })
})

describe('project list query', () => {
  it('accepts a stage and treats empty values as absent', () => {
    expect(projectListQuerySchema.parse({ stage: 'CONSTRUCTION_PERMIT', q: '', region: '' })).toEqual({ stage: 'CONSTRUCTION_PERMIT', page: 1, pageSize: 20 })
  })

  it('rejects an unknown stage with the list of stages', () => {
    const result = projectListQuerySchema.safeParse({ stage: 'PERMIT' })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path).toEqual(['stage'])
    expect(result.error!.issues[0].message).toContain('CONSTRUCTION_PERMIT')
  })
})

describe('code path parameters', () => {
  it('decodes, trims, turns full-width into half-width and upper-cases', () => {
    expect(filingNumberParam('jb460100202401050101')).toBe('JB460100202401050101')
    expect(filingNumberParam('%20JB460100202401050101')).toBe('JB460100202401050101')
    expect(filingNumberParam('ＪＢ４６')).toBe('JB46')
    expect(projectCodeParam('46010020240300017')).toBe('46010020240300017')
  })

  it('keeps a malformed escape as it is instead of throwing', () => {
    expect(projectCodeParam('%E0%A4%A')).toBe('%E0%A4%A')
  })
})
