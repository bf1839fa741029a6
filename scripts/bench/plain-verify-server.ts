// Baseline (b) of scripts/bench/verify-throughput.ts: the verification's work — the same status
// row and cached facts through Prisma, the same (memoised) signature check and facts digest — in a
// bare node:http server, in a process of its own like `next start`.
//   BENCH_DATABASE_URL=… BENCH_KEYS_FILE=… BENCH_ORIGIN=… BENCH_PORT=… npx tsx scripts/bench/plain-verify-server.ts
import fs from 'node:fs'
import http from 'node:http'
import { parseKeyFile } from '../../shared/certificates/key-file.ts'
import { createDb } from '../../prisma/client.ts'
import { createCertificateLookup } from '../../web/server/certificates/certificate-lookup.ts'
import { memoizeSignatureVerifier, nodeVerifySignature } from '../../web/server/certificates/node-signature-verifier.ts'
import { verifyScannedCode } from '../../web/server/certificates/verify-certificate.ts'
import { createCertificatesRepository } from '../../web/server/certificates/certificates-repository.ts'

const { BENCH_DATABASE_URL, BENCH_KEYS_FILE, BENCH_ORIGIN, BENCH_PORT } = process.env
if (!BENCH_DATABASE_URL || !BENCH_KEYS_FILE || !BENCH_ORIGIN || !BENCH_PORT) throw new Error('BENCH_DATABASE_URL, BENCH_KEYS_FILE, BENCH_ORIGIN and BENCH_PORT are required')

const publicKeys = parseKeyFile(JSON.parse(fs.readFileSync(BENCH_KEYS_FILE, 'utf8'))).publicKeys
const findCertificate = createCertificateLookup(createCertificatesRepository(createDb(BENCH_DATABASE_URL)))
const signatureVerifier = memoizeSignatureVerifier(nodeVerifySignature)

http
  .createServer(async (req, res) => {
    const code = new URL(req.url ?? '/', 'http://x').searchParams.get('code') ?? ''
    const answer = await verifyScannedCode(code, new Date(), { publicKeys, origin: BENCH_ORIGIN, findCertificateBySerial: findCertificate, signatureVerifier })
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end(JSON.stringify(answer))
  })
  .listen(Number(BENCH_PORT), '127.0.0.1', () => console.log(`plain verification server on ${BENCH_PORT}`))
