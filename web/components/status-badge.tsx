const TONES = {
  good: 'border-green-700 text-green-800 bg-green-50',
  bad: 'border-seal text-seal-dark bg-red-50',
  neutral: 'border-line text-muted bg-surface',
} as const

export function StatusBadge({ tone, children }: { tone: keyof typeof TONES; children: React.ReactNode }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm whitespace-nowrap ${TONES[tone]}`}>{children}</span>
}
