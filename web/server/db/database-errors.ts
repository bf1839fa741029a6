// Telling "the database was never set up" apart from "the database is down", so that a fresh
// checkout shows how to set it up instead of a generic error.

// P2021: table does not exist; P2022: column does not exist (schema older than the code).
const SCHEMA_MISSING_CODES = new Set(['P2021', 'P2022'])
const SCHEMA_MISSING_MESSAGES = [/no such table/i, /relation "[^"]+" does not exist/i, /table `[^`]+` does not exist/i]

export function isUninitializedDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && SCHEMA_MISSING_CODES.has(code)) return true
  return typeof message === 'string' && SCHEMA_MISSING_MESSAGES.some((pattern) => pattern.test(message))
}
