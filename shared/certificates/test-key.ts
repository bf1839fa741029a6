// The PUBLIC TEST KEY of docs/certificate-format.md's test vectors.
//
// Its secret half is published (test-vectors.ts; it is SHA-256 of the ASCII text
// "hainan-integrity-portal/certificate-qr/PUBLIC-TEST-KEY/never-sign-real-certificates"),
// so anything it signs proves nothing. It is reserved key id 0, and the codec refuses to let
// it pass for a real key: toJwk/fromJwks reject key id 0 and this public key under any id,
// and signCertificate refuses key id 0 with any other key and this key with any other id.

export const TEST_KEY_ID = 0
export const TEST_PUBLIC_KEY_HEX = 'baca60e72d4c9fd5da32ff667b4b96f45e45edd20e2c4f44897579fe05ec62ff'
