'use client'
// Exchange API token forms: create (the token comes back in the message, once) and revoke (after
// the browser's confirmation).
import { useActionState } from 'react'
import { API_TOKEN_SCOPE_LABELS, API_TOKEN_SCOPES } from '@shared/staff-forms/api-tokens'
import { CsrfInput } from '@web/components/admin/csrf-input'
import { CONTROL, Field, FormMessage, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@web/components/admin/form-parts'
import { INITIAL_STAFF_FORM_STATE } from '@web/lib/staff/form-state'
import { createApiTokenAction, revokeApiTokenAction } from './actions'

export function CreateApiTokenForm({ csrfToken, authorities, maxDate }: { csrfToken: string; authorities: { id: string; name: string }[]; maxDate: string }) {
  const [state, action, pending] = useActionState(createApiTokenAction, INITIAL_STAFF_FORM_STATE)
  const v = state.status === 'error' ? (state.values ?? {}) : {}
  const formState = { ...state, values: v }
  const scopeError = state.fieldErrors?.scopes
  return (
    <form action={action} className="mt-4 grid gap-4 sm:grid-cols-2" aria-label="创建令牌">
      <CsrfInput token={csrfToken} />
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
      <Field name="name" label="令牌名称" state={formState} type="text" required maxLength={50} hint="使用方的系统名称，如“三亚市政务数据共享平台”" />
      <Field name="authorityId" label="所属主管部门" state={formState} hint="令牌只能办理该部门所在地区的业务">
        <select id="authorityId" name="authorityId" defaultValue={v.authorityId ?? ''} className={`${CONTROL} ${state.fieldErrors?.authorityId ? 'border-seal' : 'border-line'}`}>
          <option value="">请选择</option>
          {authorities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="sm:col-span-2" aria-describedby={scopeError ? 'scopes-error' : undefined}>
        <legend className="font-medium">权限范围</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="text-sm">
              <input type="checkbox" name="scopes" value={scope} className="mr-1" />
              {API_TOKEN_SCOPE_LABELS[scope]}
            </label>
          ))}
        </div>
        {scopeError && (
          <p id="scopes-error" className="mt-1 text-sm font-bold text-seal-dark">
            {scopeError}
          </p>
        )}
      </fieldset>
      <Field name="expiresOn" label="有效期至" state={formState} type="date" required max={maxDate} defaultValue={v.expiresOn ?? ''} hint="最长一年；到期当天 24 时后失效" />
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? '正在创建…' : '创建令牌'}
        </button>
      </div>
    </form>
  )
}

export function RevokeApiTokenForm({ csrfToken, tokenId, name }: { csrfToken: string; tokenId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiTokenAction, INITIAL_STAFF_FORM_STATE)
  return (
    <div className="space-y-2">
      <form
        action={action}
        onSubmit={(event) => {
          if (!window.confirm(`确定撤销令牌“${name}”吗？撤销立即生效，使用它的系统将无法再访问，且不能恢复。`)) event.preventDefault()
        }}
      >
        <CsrfInput token={csrfToken} />
        <input type="hidden" name="tokenId" value={tokenId} />
        <button type="submit" disabled={pending} className={SECONDARY_BUTTON}>
          撤销
        </button>
      </form>
      <FormMessage state={state} />
    </div>
  )
}
