import { describe, expect, it } from 'vitest'
import { valuesOf } from './staff-action'

describe('staffAction: the values sent back to a form after an error', () => {
  it('keeps ordinary fields, *Code fields included, and drops secrets and the CSRF token', () => {
    const form = new FormData()
    for (const [k, v] of [
      ['regionCode', '460200'],
      ['categoryCode', 'BAD.PENALTY.MINOR'],
      ['subjectCode', '91460000MA5T000000'],
      ['name', '海南某建设有限公司'],
      ['code', '123456'],
      ['password', 'secret-password'],
      ['newPassword', 'x'],
      ['recoveryCode', 'abcd-efgh'],
      ['csrfToken', 't'],
      ['$ACTION_ID_1', ''],
    ]) form.append(k, v)
    expect(valuesOf(form)).toEqual({ regionCode: '460200', categoryCode: 'BAD.PENALTY.MINOR', subjectCode: '91460000MA5T000000', name: '海南某建设有限公司' })
  })
})
