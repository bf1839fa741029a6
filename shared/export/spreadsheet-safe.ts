// Cells that begin with = + - @ (or a tab / carriage return) are executed as formulas by Excel and
// WPS; a leading apostrophe makes them plain text (OWASP "CSV injection"). One rule for every
// spreadsheet the platform writes: the public exports, the import's problem reports, the ministry export.
const FORMULA_START = /^[=+\-@\t\r]/

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}
