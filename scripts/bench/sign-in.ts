// Time of one staff sign-in: the password step (throttle count, user read, Argon2id verification
// with m=19456 KiB, t=2, p=1, session and audit entry in one transaction) and, apart, the bare
// Argon2id verification that dominates it. Throw-away database; N runs, median and p95.
//   npx tsx scripts/bench/sign-in.ts [--runs 30] [--provider sqlite|postgresql] [--json]
// --json adds one result line for `npm run bench` (bench-result.ts).
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createTestDatabase } from '../../prisma/testing/test-database.ts'
import { hashPassword, verifyPassword } from '../../web/server/auth/passwords.ts'
import { signIn } from '../../web/server/auth/sign-in.ts'
import { DEFAULT_SIGN_IN_LIMITS } from '../../web/server/auth/sign-in-throttle.ts'
import { DEFAULT_SESSION_SETTINGS } from '../../web/server/auth/staff-sessions.ts'
import { figure, percentile, printBenchResult } from './bench-result.ts'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, provider: { type: 'string', default: 'sqlite' }, json: { type: 'boolean', default: false } } })
const provider = values.provider === 'postgresql' ? 'postgresql' : 'sqlite'
const runs = Number(values.runs)
const PASSWORD = 'bench-password-Hainan-2026'

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b)
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms (${ms.length} runs)`
}

const t = await createTestDatabase(provider)
try {
  const hash = await hashPassword(PASSWORD)
  await t.db.user.create({ data: { username: 'bench', displayName: '测试', role: 'REGION_OFFICER', passwordHash: hash, mustChangePassword: false } })
  const verifyTimes: number[] = []
  const signInTimes: number[] = []
  const throttle = { redisUrl: null, redisKeyPrefix: 'bench:', ...DEFAULT_SIGN_IN_LIMITS, perAccount: runs + 10, perAddress: runs + 10 }
  await verifyPassword(hash, PASSWORD) // warm-up
  for (let i = 0; i < runs; i++) {
    let start = performance.now()
    await verifyPassword(hash, PASSWORD)
    verifyTimes.push(performance.now() - start)
    start = performance.now()
    await signIn(t.db, { username: 'bench', password: PASSWORD }, { clientIp: '127.0.0.1', userAgent: 'bench', session: DEFAULT_SESSION_SETTINGS, throttle, refuseDemoAccounts: false })
    signInTimes.push(performance.now() - start)
  }
  console.log(`Argon2id verify: ${stats(verifyTimes)}`)
  console.log(`sign-in password step on ${provider}: ${stats(signInTimes)}`)
  if (values.json) {
    printBenchResult({
      bench: 'sign-in',
      context: `${provider}, ${runs} runs`,
      figures: [
        figure('Argon2id verify alone, median', percentile(verifyTimes, 50), 'ms'),
        figure('sign-in password step, median', percentile(signInTimes, 50), 'ms'),
        figure('sign-in password step, p95', percentile(signInTimes, 95), 'ms'),
      ],
    })
  }
} finally {
  await t.db.$disconnect()
  await t.drop()
}
