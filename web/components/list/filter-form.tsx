// A list's filter form: a plain GET form, so filtering works without JavaScript and the URL always
// describes the view.
import Link from 'next/link'
import type { Route } from 'next'

export type FilterField =
  | { kind: 'search'; name: string; label: string; placeholder?: string }
  | { kind: 'select'; name: string; label: string; options: readonly { value: string; label: string }[]; allLabel?: string }
  | { kind: 'date'; name: string; label: string }
  | { kind: 'year'; name: string; label: string; from: number; to: number }

const CONTROL = 'mt-1 block w-full rounded border border-line bg-white px-3 py-2 text-base'

export function FilterForm({ action, fields, values }: { action: Route; fields: readonly FilterField[]; values: Record<string, string | undefined> }) {
  return (
    <form method="get" action={action} role="search" aria-label="筛选条件" className="rounded border border-line bg-surface p-4 print:hidden">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {fields.map((field) => (
          <div key={field.name} className={field.kind === 'search' ? 'sm:col-span-2' : undefined}>
            <label htmlFor={`filter-${field.name}`} className="text-sm font-medium">
              {field.label}
            </label>
            {field.kind === 'search' && (
              <input id={`filter-${field.name}`} name={field.name} type="search" defaultValue={values[field.name] ?? ''} placeholder={field.placeholder} maxLength={100} className={CONTROL} />
            )}
            {field.kind === 'select' && (
              <select id={`filter-${field.name}`} name={field.name} defaultValue={values[field.name] ?? ''} className={CONTROL}>
                <option value="">{field.allLabel ?? '全部'}</option>
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
            {field.kind === 'date' && (
              <input id={`filter-${field.name}`} name={field.name} type="date" defaultValue={values[field.name] ?? ''} className={CONTROL} />
            )}
            {field.kind === 'year' && (
              <select id={`filter-${field.name}`} name={field.name} defaultValue={values[field.name] ?? ''} className={CONTROL}>
                <option value="">全部年份</option>
                {Array.from({ length: field.to - field.from + 1 }, (_, i) => field.to - i).map((y) => (
                  <option key={y} value={y}>
                    {y}年
                  </option>
                ))}
              </select>
            )}
          </div>
        ))}
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          查询
        </button>
        <Link href={action} className="rounded border border-line bg-white px-5 py-2 no-underline">
          重置
        </Link>
      </div>
    </form>
  )
}
