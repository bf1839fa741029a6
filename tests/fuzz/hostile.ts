// Hostile values for the fuzz tests (tests/fuzz/*.db.test.ts): what an attacker, a broken client
// or a careless copy-paste sends. Every arbitrary here mixes these with plausible values, so a
// property reaches past the first schema check often enough to exercise the database paths.
import fc from 'fast-check'

/** Fixed by default so a CI failure replays; FUZZ_SEED changes it, FUZZ_RUNS deepens a local run. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_204
const RUNS_OVERRIDE = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined

let announced = false
/** fast-check parameters: the seed (printed once per file, to replay a failure) and the runs. */
export function fuzzParameters(defaultRuns: number): fc.Parameters<unknown> {
  if (!announced) {
    announced = true
    console.info(`[fuzz] FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${RUNS_OVERRIDE ?? 'each property’s default'}`)
  }
  return {
    seed: FUZZ_SEED,
    numRuns: RUNS_OVERRIDE ?? defaultRuns,
    endOnFailure: true,
    reporter: (details) => {
      if (!details.failed) return
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
      throw new Error(readable(`${fc.defaultReportMessage(details) ?? 'property failed'}\nGot: ${cause}`))
    },
  }
}

/** A failure report a person can read: runs of a short unit (the long strings) shortened, then capped. */
function readable(report: string): string {
  const shortened = report.replace(/(.{1,4}?)\1{20,}/gsu, (run, unit: string) => `${unit}…(×${run.length / unit.length})`)
  return shortened.length > 6_000 ? `${shortened.slice(0, 6_000)}…` : shortened
}

export const SQL_FRAGMENTS = [
  "' OR '1'='1",
  "'; DROP TABLE \"Enterprise\"; --",
  '" UNION SELECT "passwordHash" FROM "User" --',
  "1' AND SLEEP(5)#",
  "%' OR 1=1 --",
  "\\'; SELECT pg_sleep(5); --",
  '$1',
  '?',
  '%_%',
]

export const HTML_FRAGMENTS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  ']]><x>',
  '<![CDATA[x]]>',
  '{{7*7}}',
  '${7*7}',
  '&lt;&#x3C;&#0;',
  '=HYPERLINK("http://evil.example")',
]

export const UNICODE_TRICKS = [
  '\u202E', // right-to-left override
  '海口\u202E公司',
  '\u200B', // zero-width space
  '\uFEFF', // BOM / zero-width no-break space
  '\u200D\u200C',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'a\uD83Db',
  '\u0000', // NUL
  'x\u0000y',
  '\u0001\u001F\u007F',
  '\r\nSet-Cookie: a=b',
  '\u3000', // ideographic space
  '１２３４５６', // full-width digits
  'e\u0301\u0301\u0301',
  '👷🏽‍♀️',
  '\u2028\u2029',
]

export const PATH_TRICKS = [
  '../',
  '../../etc/passwd',
  '..%2f..%2f',
  '%2e%2e%2f',
  '%252e%252e',
  '%00',
  '%ED%A0%80',
  '%E0%A4%A',
  '%',
  '%zz',
  '....//',
  '..\\..\\windows',
  '/api/v1/../../admin',
  '?a=b&c=d',
  '#frag',
]

export const NUMBER_LIKE = ['0', '-1', '-0', '1e308', '1e999', '9007199254740993', '0x10', ' 1 ', '1.5', 'NaN', 'Infinity', '-Infinity', '00000001', '1,000', '2026-02-30', '9999-99-99', '0000-00-00']

export const ALL_FRAGMENTS = [...SQL_FRAGMENTS, ...HTML_FRAGMENTS, ...UNICODE_TRICKS, ...PATH_TRICKS, ...NUMBER_LIKE, '', ' ', 'null', 'undefined', 'true', '[]', '{}']

/** A string: a known-hostile fragment, random code points (lone surrogates included), or a composition. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ALL_FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', '\u202E', '\u200B', '\u0000', 'a', '海', '%', '/', "'"), maxLength: 20 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...ALL_FRAGMENTS), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')) },
)

/** Very long strings: over every field limit and over the body limits of the smaller endpoints. */
export const longString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('A', '海', '\u200B', "'", '%2e', '\uD800'), fc.constantFrom(257, 2_001, 20_000))
  .map(([unit, n]) => unit.repeat(n))

/** A string a plausible value is replaced by: hostile, long, or the plausible value with junk around it. */
export function mutatedString(plausible: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: hostileString },
    { weight: 1, arbitrary: longString },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...UNICODE_TRICKS, ...SQL_FRAGMENTS, ' '), fc.boolean()).map(([junk, before]) => (before ? junk + plausible : plausible + junk)) },
    { weight: 1, arbitrary: fc.constant(plausible.toLowerCase()) },
    // PostgreSQL refuses to bind a NUL: often enough that every property meets one
    { weight: 1, arbitrary: fc.constantFrom(`${plausible}\u0000`, '\u0000', `\u0000${plausible}`) },
  )
}

/** Any JSON value where a string is expected: wrong types, nesting, numbers JSON cannot hold exactly. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, -0, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, true, false, null) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a'), hostileString, { maxKeys: 2 }) },
)

/** Keys a client adds to an object: prototype pollution, mass assignment of server-owned fields. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'userId', 'authorityId', 'createdAt', 'status', 'role', 'isAdmin', '', ' ', '\u202E', 'a.b', 'items[0]', '$where']

/**
 * JSON text for an object: the given fields (each maybe replaced by a hostile value or dropped) plus
 * hostile keys. `__proto__` is written into the text itself, as JSON.stringify never would.
 */
export function hostileObjectJson(plausible: Record<string, unknown>): fc.Arbitrary<string> {
  return hostileObject(plausible).map(({ value, proto }) => {
    const text = JSON.stringify(value)
    if (proto === undefined) return text
    const injected = `"__proto__":${JSON.stringify(proto)}`
    return text === '{}' ? `{${injected}}` : `{${injected},${text.slice(1)}`
  })
}

/** An object built from `plausible` with fields replaced, dropped or added, and maybe a __proto__ to inject. */
export function hostileObject(plausible: Record<string, unknown>): fc.Arbitrary<{ value: Record<string, unknown>; proto: unknown }> {
  const keys = Object.keys(plausible)
  const fieldChange = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'keep' as const }) },
    { weight: 4, arbitrary: hostileJsonValue.map((v) => ({ kind: 'set' as const, v })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
  )
  return fc
    .record({
      changes: fc.tuple(...keys.map(() => fieldChange)),
      extra: fc.dictionary(fc.constantFrom(...HOSTILE_KEYS.filter((k) => k !== '__proto__')), hostileJsonValue, { maxKeys: 2 }),
      proto: fc.option(fc.constantFrom<unknown>({ isAdmin: true }, { status: 'ACCEPTED' }, 'x', [1]), { nil: undefined, freq: 3 }),
    })
    .map(({ changes, extra, proto }) => {
      const value: Record<string, unknown> = {}
      keys.forEach((key, i) => {
        const change = changes[i]
        if (change.kind === 'keep') value[key] = plausible[key]
        else if (change.kind === 'set') value[key] = change.v
      })
      for (const [k, v] of Object.entries(extra)) value[k] = v
      return { value, proto }
    })
}

/** Body texts that are not the JSON object an endpoint expects. */
export const junkBodies: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'null', 'true', '0', '"x"', '[]', '[{}]', '{', '{"a":', '{"a":1,}', '\uFEFF{}', "{'a':1}", '{"__proto__":{"polluted":true}}', '1e999', 'NaN'),
  fc.nat({ max: 3 }).map((i) => ['['.repeat(5_000), '{"a":'.repeat(3_000), '[' .repeat(100_000) + ']'.repeat(100_000), `{"x":"${'\\u0000'.repeat(1_000)}"}`][i]),
  fc.string({ unit: 'binary', maxLength: 60 }),
)

/** Content-Type headers a client may send instead of application/json. */
export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=gbk',
  'application/jsonx',
  '',
]
