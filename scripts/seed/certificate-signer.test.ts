import { describe, expect, it } from 'vitest'
import { certificateFactsDigest, encodeCertificatePayload, signCertificate, verifyCertificateCode, type CertificateFields } from '../../shared/certificates/index.ts'
import { TEST_VECTORS } from '../../shared/certificates/test-vectors.ts'
import { createDemoKeyFile, parseKeyFile, rotateKeyFile } from '../../shared/certificates/key-file.ts'
import { signerFromKeyFile, SigningKeyMissingError } from './certificate-signer.ts'

const ORIGIN = 'https://portal.example.gov.cn'

function fieldsOn(issuedOn: string): CertificateFields {
  const v = TEST_VECTORS[0]
  return { ...v.fields, issuedOn, factsDigest: certificateFactsDigest(v.facts) }
}

describe('seed certificate signer (node:crypto)', () => {
  it('gives byte for byte the signature of the shared (noble) signer', () => {
    const keyFile = createDemoKeyFile()
    const signer = signerFromKeyFile(keyFile)
    const secret = Uint8Array.from(Buffer.from(keyFile.keys[0].secretKeyHex!, 'hex'))
    for (const issuedOn of ['2014-01-01', '2020-02-29', '2026-11-24']) {
      const fields = fieldsOn(issuedOn)
      const node = signer.sign(fields)
      const noble = signCertificate(fields, secret, 1)
      expect(node.keyId).toBe('1')
      expect(node.signature).toBe(Buffer.from(noble.signature).toString('base64url'))
    }
  })

  it('signs each date with the key valid then, so old and new certificates verify after a rotation', () => {
    const rotated = rotateKeyFile(createDemoKeyFile(), '2022-07-01').file
    const signer = signerFromKeyFile(rotated)
    const { publicKeys } = parseKeyFile(rotated)
    for (const [issuedOn, keyId] of [['2022-06-30', '1'], ['2022-07-01', '2']] as const) {
      const fields = fieldsOn(issuedOn)
      const signed = signer.sign(fields)
      expect(signed.keyId).toBe(keyId)
      const body = encodeCertificatePayload(fields, Number(keyId))
      const payload = Buffer.concat([body, Buffer.from(signed.signature, 'base64url')]).toString('base64url')
      expect(verifyCertificateCode(`${ORIGIN}/v/${payload}`, { keys: publicKeys, expectedOrigin: ORIGIN }).genuine).toBe(true)
    }
  })

  it('refuses a date no key with a secret covers', () => {
    const signer = signerFromKeyFile(createDemoKeyFile('2020-01-01'))
    expect(() => signer.sign(fieldsOn('2019-12-31'))).toThrow(SigningKeyMissingError)
  })
})
