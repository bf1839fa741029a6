// A list's filter form: a plain GET form, so filtering works without JavaScript and the URL always
// describes the view.
import type { Route } from 'next'

export type FilterField =
  | { kind: 'search'; name: string; label: string; placeholder?: string }
  | { kind: 'select'; name: string; label: string; options: readonly { value: string; label: string }[]; allLabel?: string }
  | { kind: 'date'; name: string; label: string }
  | { kind: 'year'; name: string; label: string; from: number; to: number }

const CONTROL = 'mt-1 block w-full rounded border border-line bg-white px-3 py-2 text-base'

/** The first `primary` fields always show; the rest fold away on a phone until needed. */
export function FilterForm({ action, fields, values, primary = 2 }: { action: Route; fields: readonly FilterField[]; values: Record<string, string | undefined>; primary?: number }) {
  const main = fields.slice(0, primary)
  const more = fields.slice(primary)
  const moreInUse = more.some((f) => values[f.name])
  return (
    <form method="get" action={action} role="search" aria-label="筛选条件" className="rounded border border-line bg-surface p-4 print:hidden">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {main.map((field) => (
          <Field key={field.name} field={field} value={values[field.name]} />
        ))}
      </div>
      {more.length > 0 && (
        <details open={moreInUse} className="mt-3">
          <summary className="cursor-pointer text-brand-700">更多筛选条件</summary>
          <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {more.map((field) => (
              <Field key={field.name} field={field} value={values[field.name]} />
            ))}
          </div>
        </details>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          查询
        </button>
        {/* a full page load: a client-side navigation would keep the fields' previous choices */}
        <a href={action} className="rounded border border-line bg-white px-5 py-2 no-underline">
          重置
        </a>
      </div>
    </form>
  )
}

function Field({ field, value }: { field: FilterField; value: string | undefined }) {
  const id = `filter-${field.name}`
  return (
    <div className={field.kind === 'search' ? 'sm:col-span-2' : undefined}>
      <label htmlFor={id} className="text-sm font-medium">
        {field.label}
      </label>
      {field.kind === 'search' && <input id={id} name={field.name} type="search" defaultValue={value ?? ''} placeholder={field.placeholder} maxLength={100} className={CONTROL} />}
      {field.kind === 'select' && (
        <select id={id} name={field.name} defaultValue={value ?? ''} className={CONTROL}>
          <option value="">{field.allLabel ?? '全部'}</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {field.kind === 'date' && <input id={id} name={field.name} type="date" defaultValue={value ?? ''} className={CONTROL} />}
      {field.kind === 'year' && (
        <select id={id} name={field.name} defaultValue={value ?? ''} className={CONTROL}>
          <option value="">全部年份</option>
          {Array.from({ length: field.to - field.from + 1 }, (_, i) => field.to - i).map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      )}
    </div>
  )
}
