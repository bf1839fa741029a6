// What field encryption costs per value: AES-256-GCM seal and open, and the look-up HMAC, with a
// random key ring (no database). Prints µs per operation over three rounds of 100,000, wall clock
// and CPU time (the steadier figure on a shared machine), and what the seed spends per person.
//   npx tsx scripts/personal-data/bench-cipher.ts
import { randomBytes } from 'node:crypto'
import { decryptField, encryptField, lookupHash, type PersonalDataKeyRing } from '../../web/server/personal-data/field-cipher.ts'
import { sealIdNumber, sealPersonPhone, usePersonalDataKeys } from '../../web/server/personal-data/personal-data.ts'

const ring: PersonalDataKeyRing = { activeKeyId: 'k1', keys: new Map([['k1', randomBytes(32)]]), hmacKey: randomBytes(32) }
const ID = '46010019850312123X'
const N = 100_000

function perOp(work: () => void): string {
  const started = performance.now()
  const cpu = process.cpuUsage()
  for (let i = 0; i < N; i++) work()
  const used = process.cpuUsage(cpu)
  return `${(((performance.now() - started) * 1000) / N).toFixed(1)} µs (CPU ${((used.user + used.system) / N).toFixed(1)} µs)`
}

usePersonalDataKeys(ring)

for (let round = 1; round <= 3; round++) {
  let stored = ''
  const seal = perOp(() => {
    stored = encryptField(ring, 'person.idNumber', ID)
  })
  const open = perOp(() => decryptField(ring, 'person.idNumber', stored))
  const hash = perOp(() => lookupHash(ring, 'idNumber', ID))
  // what the seed does per person: the ID number sealed and hashed, a phone sealed
  const person = perOp(() => {
    sealIdNumber(ID)
    sealPersonPhone('13907561234')
  })
  console.log(`round ${round}: encrypt ${seal}, decrypt ${open}, HMAC ${hash}; a seeded person ${person}`)
}
