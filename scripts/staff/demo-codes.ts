// DEMO ONLY: the current TOTP code of each seeded demo account (their secrets are published in
// the README), for signing in to a demo without setting up an authenticator app.
//   npm run staff:demo-codes
import { decodeTotpSecret, totpCode, totpStep, TOTP_PERIOD_SECONDS } from '../../shared/staff/totp.ts'
import { DEMO_USERS } from '../seed/users.ts'

const now = new Date()
const left = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS)
for (const u of DEMO_USERS) console.log(`${u.username.padEnd(16)} ${totpCode(decodeTotpSecret(u.totpSecret), totpStep(now))}`)
console.log(`(valid for ${left} more seconds, and the 30 seconds either side)`)
