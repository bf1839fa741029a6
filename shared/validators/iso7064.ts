// ISO/IEC 7064 MOD 11,10: a hybrid system with one decimal check digit that catches every
// single-digit error and every adjacent transposition. Used for certificate serials because,
// unlike MOD 11-2, it never needs a non-digit check character (an 'X' printed under a QR
// code is one more thing for an inspector to misread).

/** Check digit for a string of decimal digits; throws on anything else. */
export function mod11_10CheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError(`MOD 11,10 needs decimal digits, got "${digits}"`)
  let p = 10
  for (const ch of digits) {
    const s = (p + Number(ch)) % 10 || 10
    p = (s * 2) % 11
  }
  return String((11 - p) % 10)
}

/** True when the last digit is the MOD 11,10 check digit of the ones before it. */
export function isValidMod11_10(digitsWithCheck: string): boolean {
  if (!/^\d{2,}$/.test(digitsWithCheck)) return false
  return mod11_10CheckDigit(digitsWithCheck.slice(0, -1)) === digitsWithCheck.slice(-1)
}
