/** decodeURIComponent that keeps a malformed escape as it is (it then matches nothing: a 404, never a 500). */
export function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
