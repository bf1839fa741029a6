// Cells that begin with = + - @ (or a tab / carriage return) are executed as formulas by Excel and
// WPS; a leading apostrophe makes them plain text (OWASP "CSV injection"). One rule for every
// spreadsheet the platform writes: the public exports, the import's problem reports, the ministry export.
const FORMULA_START = /^[=+\-@\t\r]/

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

const GUARDED = /^'[=+\-@\t\r]/

/**
 * The value a guarded cell was made from: the bulk import reads the portal's own files back
 * (docs/import.md "Export for re-import"), so an apostrophe this guard added is dropped again.
 */
export function removeFormulaGuard(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value
}
