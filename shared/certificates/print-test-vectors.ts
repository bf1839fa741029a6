// Prints the test vectors of test-vectors.ts, recomputed with the codec, as TypeScript (for
// TEST_VECTORS) and as Markdown (for docs/certificate-format.md):
//   npx tsx shared/certificates/print-test-vectors.ts
// Run it only after an intentional change of the format, then update both files.

import { computeTestVector, TEST_VECTORS } from './test-vectors'

// The expected values in TEST_VECTORS are ignored: everything is recomputed from the inputs.
const ts = TEST_VECTORS.map((v) => ({ name: v.name, fields: v.fields, facts: v.facts, expected: computeTestVector(v) }))
console.log('// ---- TypeScript (TEST_VECTORS)')
console.log(JSON.stringify(ts, null, 2))

console.log('\n// ---- Markdown')
for (const v of ts) {
  const e = v.expected
  console.log(`### ${v.name}\n`)
  console.log('Fields:\n\n```json\n' + JSON.stringify(v.fields, null, 2) + '\n```\n')
  console.log('Facts (input of certificateFactsDigest):\n\n```json\n' + JSON.stringify(v.facts, null, 2) + '\n```\n')
  console.log('Canonical facts text (UTF-8, lines joined by LF, no final LF):\n\n```text\n' + e.factsCanonical + '\n```\n')
  console.log('| item | value |\n| --- | --- |')
  console.log(`| facts digest (16 bytes) | \`${e.factsDigestHex}\` |`)
  console.log(`| body, bytes 0-49 (signature input) | \`${e.bodyHex}\` |`)
  console.log(`| signature, bytes 50-113 | \`${e.signatureHex}\` |`)
  console.log(`| payload, 114 bytes | \`${e.payloadHex}\` |`)
  console.log(`| payload, base64url (152 chars) | \`${e.payloadBase64url}\` |`)
  console.log(`| QR content | \`${e.url}\` |\n`)
}
