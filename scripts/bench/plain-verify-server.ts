// Baseline (b) of scripts/bench/verify-throughput.ts: the verification's work in a bare node:http
// server, in a process of its own like `next start`. It runs the portal's own checker
// (check-certificate-code.ts, as web/lib/certificates/portal-certificates.ts binds it): the same
// memoised signature check, status row with the log's head and entries read fresh in one
// statement, cached facts and facts digest, inclusion proofs from the kept subtrees,
// through Prisma — everything but Next.js.
//   BENCH_DATABASE_URL=… BENCH_KEYS_FILE=… BENCH_ORIGIN=… BENCH_PORT=… npx tsx scripts/bench/plain-verify-server.ts
import http from 'node:http'
import { createDb } from '../../prisma/client.ts'
import { createCertificateChecker } from '../../web/server/certificates/check-certificate-code.ts'
import { findCertificateLogProofs, verifyLogOf } from '../../web/server/certificates/certificate-log-proofs.ts'
import { createCertificatesRepository } from '../../web/server/certificates/certificates-repository.ts'

const { BENCH_DATABASE_URL, BENCH_KEYS_FILE, BENCH_ORIGIN, BENCH_PORT } = process.env
if (!BENCH_DATABASE_URL || !BENCH_KEYS_FILE || !BENCH_ORIGIN || !BENCH_PORT) throw new Error('BENCH_DATABASE_URL, BENCH_KEYS_FILE, BENCH_ORIGIN and BENCH_PORT are required')

const db = createDb(BENCH_DATABASE_URL)
const check = createCertificateChecker({
  keys: { keysFile: BENCH_KEYS_FILE },
  origin: BENCH_ORIGIN,
  certificates: createCertificatesRepository(db),
  findLogProofs: async (serial, read) => {
    const proofs = await findCertificateLogProofs(db, serial, read)
    return proofs && verifyLogOf(proofs)
  },
})

http
  .createServer(async (req, res) => {
    const code = new URL(req.url ?? '/', 'http://x').searchParams.get('code') ?? ''
    const answer = await check(code)
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end(JSON.stringify(answer))
  })
  .listen(Number(BENCH_PORT), '127.0.0.1', () => console.log(`plain verification server on ${BENCH_PORT}`))
