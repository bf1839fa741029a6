// The transparency log's pure codecs: Merkle hashing and proofs, C2SP tiles, checkpoints,
// signed notes and tlog-proof files, the entry encoding and the revocation status list.
// docs/transparency-log.md describes the formats.

export * from './hashes'
export * from './tree'
export * from './tiles'
export * from './checkpoint'
export * from './note'
export * from './proof-file'
export * from './log-entry'
export * from './status-list'
export { encodeBase64, decodeBase64, bytesEqual } from './bytes'
