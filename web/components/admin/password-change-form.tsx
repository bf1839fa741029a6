'use client'
// 修改密码's form: the current password and the new one twice. The server decides; this shows its
// answers next to the fields.
import { useActionState } from 'react'
import { PASSWORD_MIN_LENGTH } from '@shared/staff/password-policy'
import { changeOwnPasswordAction } from '@web/app/admin/password/actions'
import { INITIAL_STAFF_FORM_STATE } from '@web/lib/staff/form-state'
import { CsrfInput } from './csrf-input'
import { Field, FormMessage, PRIMARY_BUTTON } from './form-parts'

export function PasswordChangeForm({ csrfToken }: { csrfToken: string }) {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, INITIAL_STAFF_FORM_STATE)
  return (
    <form action={action} className="mt-6 max-w-xl space-y-5" aria-label="修改密码">
      <CsrfInput token={csrfToken} />
      <FormMessage state={state} />
      <Field name="currentPassword" label="当前密码" state={state} type="password" autoComplete="current-password" required />
      <Field
        name="password"
        label="新密码"
        state={state}
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        required
        hint={`至少 ${PASSWORD_MIN_LENGTH} 个字符；不能包含用户名，不能是常见密码、重复字符或键盘上的连续按键。建议使用一句容易记住的话。`}
      />
      <Field name="confirm" label="再次输入新密码" state={state} type="password" autoComplete="new-password" required />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {pending ? '正在保存…' : '保存新密码'}
      </button>
    </form>
  )
}
