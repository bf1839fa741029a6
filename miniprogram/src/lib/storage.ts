// The phone's key-value storage as the app's logic sees it. The Taro adapter wraps
// Taro.getStorageSync & co. (wx storage on WeChat, localStorage on H5); tests use memoryStorage.
// Values are strings: the stores serialise their own JSON, so a corrupt value is something they
// can detect and survive instead of an exception thrown from deep inside the platform.

export interface KeyValueStorage {
  /** the stored text, or null when absent */
  getItem(key: string): string | null
  /** may throw (quota exceeded, storage unavailable) */
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** A KeyValueStorage in memory (tests, and a fallback when the platform storage is unusable). */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { dump(): Record<string, string> } {
  const map = new Map(Object.entries(initial))
  return {
    getItem: (key) => (map.has(key) ? (map.get(key) as string) : null),
    setItem: (key, value) => {
      map.set(key, String(value))
    },
    removeItem: (key) => {
      map.delete(key)
    },
    dump: () => Object.fromEntries(map),
  }
}

/** Reads and JSON-parses a key; null when absent, unreadable or not JSON. */
export function readJson(storage: KeyValueStorage, key: string): unknown {
  let text: string | null
  try {
    text = storage.getItem(key)
  } catch {
    return null
  }
  if (text === null || text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** JSON-serialises and writes; false (never throws) when the platform refuses. */
export function writeJson(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}
