// The frame of the sign-in steps: a narrow column with the step's title, no back-office navigation.
import type { ReactNode } from 'react'

export function SignInFrame({ title, step, children }: { title: string; step?: string; children: ReactNode }) {
  return (
    <section aria-labelledby="sign-in-title" className="mx-auto max-w-md">
      <p className="text-sm text-muted">工作人员入口{step ? ` · ${step}` : ''}</p>
      <h1 id="sign-in-title" className="mt-1 text-2xl font-bold text-brand-900">
        {title}
      </h1>
      {children}
    </section>
  )
}
