// A credit grade (信用等级) as a letter badge: green for the good grades, blue for A, amber for B,
// red for C — the letter itself always says it, the colour only helps.
const TONES: Record<string, string> = {
  AAA: 'border-green-700 bg-green-50 text-green-800',
  AA: 'border-green-700 bg-green-50 text-green-800',
  A: 'border-brand-700 bg-brand-50 text-brand-900',
  B: 'border-notice-line bg-notice-bg text-ink',
  C: 'border-seal bg-red-50 text-seal-dark',
}

export function GradeBadge({ grade, size = 'md' }: { grade: string; size?: 'md' | 'lg' }) {
  const dimensions = size === 'lg' ? 'min-w-16 px-3 py-1 text-3xl' : 'min-w-10 px-2 py-0.5 text-base'
  return (
    <span data-grade={grade} className={`inline-block rounded border-2 text-center font-bold tabular-nums ${dimensions} ${TONES[grade] ?? TONES.A}`}>
      <span className="sr-only">信用等级</span>
      {grade}
    </span>
  )
}

/** 0.5 inspections a quarter is one every half year. */
export function inspectionFrequency(perQuarter: number): string {
  if (perQuarter < 1) return `约每 ${Math.round(3 / perQuarter)} 个月 1 次`
  return `每季度 ${perQuarter} 次`
}

export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0'
}
