// A throw-away signing key for tests that seed a database: the signer for the seed and the
// matching published keys for verification (never the public test key, which real code refuses).
import { createDemoKeyFile, parseKeyFile } from '../../shared/certificates/key-file.ts'
import type { CertificatePublicKey } from '../../shared/certificates/index.ts'
import { signerFromKeyFile, type CertificateSigner } from './certificate-signer.ts'

export interface TestSigningKeys {
  /** the key file's content (JSON value), e.g. to write for a server under test */
  keyFile: ReturnType<typeof createDemoKeyFile>
  signer: CertificateSigner
  publicKeys: CertificatePublicKey[]
}

export function createTestSigningKeys(): TestSigningKeys {
  const keyFile = createDemoKeyFile()
  return { keyFile, signer: signerFromKeyFile(keyFile), publicKeys: parseKeyFile(keyFile).publicKeys }
}
