'use client'
// The sign-in steps' forms. The server decides everything; these only show its answers next to
// the fields. The CSRF token of a step comes from the page as a prop.
import { useActionState } from 'react'
import Link from 'next/link'
import { PASSWORD_MIN_LENGTH } from '@shared/staff/password-policy'
import { changePasswordAction, confirmEnrolmentAction, signInAction, verifyAction, type EnrolFormState } from '@web/app/admin/sign-in/actions'
import { INITIAL_STAFF_FORM_STATE } from '@web/lib/staff/form-state'
import { CsrfInput } from './csrf-input'
import { Field, FormMessage, PRIMARY_BUTTON } from './form-parts'

export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, INITIAL_STAFF_FORM_STATE)
  return (
    <form action={action} className="mt-6 space-y-5" aria-label="工作人员登录">
      <FormMessage state={state} />
      <Field name="username" label="用户名" state={state} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} required />
      <Field name="password" label="密码" state={state} type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  )
}

export function ChangePasswordForm({ csrfToken }: { csrfToken: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL_STAFF_FORM_STATE)
  return (
    <form action={action} className="mt-6 space-y-5" aria-label="设置新密码">
      <CsrfInput token={csrfToken} />
      <FormMessage state={state} />
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

/** `done`: the session is already ACTIVE (the page rendered again after the confirmation). */
export function EnrolForm({ csrfToken, done }: { csrfToken: string; done: boolean }) {
  const [state, action, pending] = useActionState<EnrolFormState, FormData>(confirmEnrolmentAction, INITIAL_STAFF_FORM_STATE)
  if (done && !state.recoveryCodes) {
    return (
      <p className="mt-6">
        动态口令已绑定。
        <Link href="/admin" className="text-brand-700 underline">
          进入工作台
        </Link>
      </p>
    )
  }
  if (state.status === 'ok' && state.recoveryCodes) {
    return (
      <section aria-labelledby="recovery-title" className="mt-6 space-y-4">
        <FormMessage state={state} />
        <h2 id="recovery-title" className="text-xl font-bold text-brand-900">
          恢复码（只显示这一次）
        </h2>
        <p>手机丢失或无法使用动态口令时，可用下列任一恢复码登录，每个只能使用一次。请抄写或打印后妥善保管，不要保存在本电脑上。</p>
        <ol className="grid grid-cols-1 gap-2 font-mono text-lg sm:grid-cols-2">
          {state.recoveryCodes.map((code) => (
            <li key={code} className="rounded border border-line bg-surface px-3 py-1">
              {code}
            </li>
          ))}
        </ol>
        <p>
          <Link href="/admin" className={PRIMARY_BUTTON + ' inline-block'}>
            我已保存恢复码，进入工作台
          </Link>
        </p>
      </section>
    )
  }
  return (
    <form action={action} className="mt-6 space-y-5" aria-label="绑定动态口令">
      <CsrfInput token={csrfToken} />
      <FormMessage state={state} />
      <Field name="code" label="应用中显示的 6 位动态口令" state={state} type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {pending ? '正在验证…' : '完成绑定'}
      </button>
    </form>
  )
}

export function VerifyForm({ csrfToken }: { csrfToken: string }) {
  const [state, action, pending] = useActionState(verifyAction, INITIAL_STAFF_FORM_STATE)
  return (
    <form action={action} className="mt-6 space-y-5" aria-label="输入动态口令">
      <CsrfInput token={csrfToken} />
      <FormMessage state={state} />
      <Field
        name="code"
        label="动态口令或恢复码"
        state={state}
        type="text"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={24}
        required
        hint="输入身份验证器应用中当前显示的 6 位数字；手机不在身边时可输入一个恢复码（形如 ABCD-EFGH-IJKL-MNOP）。"
      />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {pending ? '正在验证…' : '验证并登录'}
      </button>
    </form>
  )
}
