'use client'
// Account management's forms: create (the one-time password comes back in the message, once) and
// the per-account actions, each its own small form with its own answer next to it.
import { useActionState } from 'react'
import { STAFF_ROLE_LABELS, STAFF_ROLES } from '@shared/domain/enums'
import { createAccountAction, endSessionsAction, resetPasswordAction, setAccountActiveAction } from '@web/app/admin/accounts/actions'
import { INITIAL_STAFF_FORM_STATE } from '@web/lib/staff/form-state'
import { CsrfInput } from './csrf-input'
import { CONTROL, Field, FormMessage, PRIMARY_BUTTON, SECONDARY_BUTTON } from './form-parts'

export function CreateAccountForm({ csrfToken, authorities }: { csrfToken: string; authorities: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createAccountAction, INITIAL_STAFF_FORM_STATE)
  const v = state.status === 'error' ? (state.values ?? {}) : {}
  const formState = { ...state, values: v }
  return (
    <form action={action} className="mt-4 grid gap-4 sm:grid-cols-2" aria-label="创建账号">
      <CsrfInput token={csrfToken} />
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <Field name="username" label="用户名" state={formState} type="text" autoCapitalize="none" spellCheck={false} required hint="3–32 位小写字母、数字或 . _ -，以字母开头" />
      <Field name="displayName" label="姓名" state={formState} type="text" required />
      <Field name="role" label="角色" state={formState}>
        <select id="role" name="role" defaultValue={v.role ?? 'REGION_OFFICER'} className={`${CONTROL} border-line`}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {STAFF_ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="authorityId" label="所属主管部门" state={formState} hint="决定账号的地区；省住建厅的账号可办理全省业务">
        <select id="authorityId" name="authorityId" defaultValue={v.authorityId ?? ''} className={`${CONTROL} ${state.fieldErrors?.authorityId ? 'border-seal' : 'border-line'}`}>
          <option value="">请选择</option>
          {authorities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? '正在创建…' : '创建账号'}
        </button>
      </div>
    </form>
  )
}

export function AccountActions({ csrfToken, userId, active, self }: { csrfToken: string; userId: string; active: boolean; self: boolean }) {
  const [activeState, activeAction, activePending] = useActionState(setAccountActiveAction, INITIAL_STAFF_FORM_STATE)
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, INITIAL_STAFF_FORM_STATE)
  const [endState, endAction, endPending] = useActionState(endSessionsAction, INITIAL_STAFF_FORM_STATE)
  const latest = [resetState, activeState, endState].find((s) => s.status !== 'idle')
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!self && (
          <form action={activeAction}>
            <CsrfInput token={csrfToken} />
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="active" value={active ? 'false' : 'true'} />
            <button type="submit" disabled={activePending} className={SECONDARY_BUTTON}>
              {active ? '停用' : '启用'}
            </button>
          </form>
        )}
        <form action={endAction}>
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" disabled={endPending} className={SECONDARY_BUTTON}>
            结束会话
          </button>
        </form>
        <form action={resetAction} className="flex flex-wrap items-center gap-2">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="userId" value={userId} />
          <label className="text-sm">
            <input type="checkbox" name="resetTotp" className="mr-1" />
            同时解绑动态口令
          </label>
          <button type="submit" disabled={resetPending} className={SECONDARY_BUTTON}>
            重置密码
          </button>
        </form>
      </div>
      {latest && <FormMessage state={latest} />}
    </div>
  )
}
