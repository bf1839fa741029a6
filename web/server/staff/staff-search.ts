// The back office's list searches (enterprises, practitioners, records, projects, the stage forms'
// enterprise picker) take a term under the public search's rule (web/server/lib/query-params.ts
// searchTermSchema: at most 100 characters and 8 pieces, no control characters), so a staff
// search costs no more than a public one. A term breaking it is refused naming the field `q`,
// never cut, so nobody reads results for a search they did not make.
import { searchTermSchema } from '@web/server/lib/query-params'
import { InputError } from '@web/server/lib/errors'

/** The trimmed term, undefined for none; InputError({ q }) for one the rule refuses. */
export function staffSearchTerm(q: string | undefined, field = 'q'): string | undefined {
  const parsed = searchTermSchema.safeParse(q)
  if (!parsed.success) throw new InputError({ [field]: parsed.error.issues[0]?.message ?? '搜索词无效' })
  return parsed.data
}
