// The signed-in staff member's bar: navigation filtered by permission, who is signed in, sign-out.
import Link from 'next/link'
import { STAFF_ROLE_LABELS } from '@shared/domain/enums'
import { regionByCode } from '@shared/regions/hainan'
import { signOutAction } from '@web/app/admin/sign-in/actions'
import { navigationFor } from '@web/lib/staff/navigation'
import { currentSession } from '@web/lib/staff/session'
import { csrfTokenOf } from '@web/server/auth/session-tokens'
import { CsrfInput } from './csrf-input'
import { SECONDARY_BUTTON } from './form-parts'

export async function StaffBar() {
  const current = await currentSession()
  if (!current || current.session.stage !== 'ACTIVE') return null
  const { user } = current.session
  const region = user.regionCode ? (regionByCode(user.regionCode)?.name ?? user.regionCode) : null
  return (
    <div className="rounded border border-line bg-surface px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm">
          <span className="font-bold">{user.displayName}</span>
          <span className="text-muted">
            （{user.username}）· {STAFF_ROLE_LABELS[user.role]}
            {user.authorityName ? ` · ${user.authorityName}` : ''}
            {region ? ` · ${region}` : ''}
          </span>
        </p>
        <form action={signOutAction}>
          <CsrfInput token={csrfTokenOf(current.token)} />
          <button type="submit" className={SECONDARY_BUTTON}>
            退出登录
          </button>
        </form>
      </div>
      <nav aria-label="工作人员导航" className="mt-2">
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {navigationFor(user.role).map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  )
}
