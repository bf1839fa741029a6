// What the project and stage import handlers share besides the import layer's parseRows/judgeRows:
// how stored amounts and days compare with a row, which fields differ, the reason an import's
// correction gives, and the key ring read when a batch first signs.
import type { KeyRing } from '@shared/certificates/key-file'
import { isoDate } from '@web/server/lib/values'

/** A stored amount as the forms' two-decimal text, so that 8800 and 8800.00 compare equal. */
export function money(value: { toFixed(digits: number): string } | number): string {
  return value.toFixed(2)
}

/** A stored calendar day as 'YYYY-MM-DD'. */
export const day = (value: Date): string => isoDate(value)

/** The fields of `wanted` whose value differs from `stored` (both plain, compared with ===). */
export function differingFields<T extends Record<string, string | number | null>>(stored: T, wanted: T): (keyof T & string)[] {
  return (Object.keys(wanted) as (keyof T & string)[]).filter((k) => stored[k] !== wanted[k])
}

/** The reason a correction made by an import gives (the superseded certificate's status reason). */
export function importCorrectionReason(fileName: string): string {
  // the forms allow 200 characters of reason; a long file name is cut, the words around it stay
  const name = fileName.length > 150 ? `${fileName.slice(0, 149)}…` : fileName
  return `批量导入更正（文件：${name}）`
}

/** The key ring, or how to read it when a batch first needs it (the import engine's setting is the latter). */
export type KeyRingSource = KeyRing | (() => KeyRing)

export function keyRingOf(source: KeyRingSource): KeyRing {
  return typeof source === 'function' ? source() : source
}
