// The fields of a certificate or profile as a two-column table, as they stand on the paper form.
export function FactTable({ caption, rows }: { caption?: string; rows: readonly { label: string; value: React.ReactNode }[] }) {
  return (
    <table className="mt-4 w-full border-collapse text-left">
      {caption && <caption className="mb-2 text-left text-lg font-bold text-brand-900">{caption}</caption>}
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className="border-t border-line align-top">
            <th scope="row" className="w-32 bg-surface px-3 py-2 font-medium whitespace-nowrap sm:w-44">
              {r.label}
            </th>
            <td className="px-3 py-2 break-words">{r.value ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
