// Certificate QR codes: compact signed payloads for construction permits and completion
// filings, verifiable offline (docs/certificate-format.md).

export { encodeBase64url, decodeBase64url, bytesToHex, hexToBytes } from './base64url'
export {
  FACTS_HEADER,
  FACTS_DIGEST_LENGTH,
  FACT_FIELDS,
  canonicalDecimal,
  canonicalFactsString,
  certificateFactsDigest,
  factsMatchDigest,
  type CertificateFacts,
  type PermitFacts,
  type CompletionFacts,
  type DecimalLike,
  type DateLike,
} from './facts-digest'
export {
  PAYLOAD_VERSION,
  BODY_LENGTH,
  SIGNATURE_LENGTH,
  PAYLOAD_LENGTH,
  MAX_KEY_ID,
  CERTIFICATE_TYPE_BYTES,
  encodeCertificatePayload,
  type CertificateFields,
} from './payload'
export {
  VERIFY_PATH_PREFIX,
  generateSigningKey,
  publicKeyOf,
  isPublicTestKey,
  certificateUrl,
  signCertificate,
  type SignedCertificate,
} from './signing'
export {
  toJwk,
  toJwks,
  fromJwks,
  keyValidOn,
  keyCompromisedOn,
  JwksError,
  type CertificatePublicKey,
  type CertificateJwk,
  type CertificateJwks,
} from './jwks'
export {
  MAX_SCANNED_LENGTH,
  VERIFY_FAILURE_MESSAGES,
  GENUINE_MESSAGE,
  verifyCertificateCode,
  type VerifyOptions,
  type VerifyResult,
  type VerifyFailureReason,
} from './verify'
export { TEST_KEY_ID, TEST_PUBLIC_KEY_HEX } from './test-key'
