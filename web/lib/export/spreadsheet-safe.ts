// Cells that begin with = + - @ (or a tab / carriage return) are executed as formulas by Excel and
// WPS; a leading apostrophe makes them plain text (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}
