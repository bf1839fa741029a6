// A one-time password for a new or reset account: 16 characters from an alphabet without look-
// alikes (about 79 bits), shown once to the administrator, valid only for the forced change.
import { randomInt } from 'node:crypto'

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function newOneTimePassword(length = 16): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}
