// The platform behind src/lib's small interfaces: Taro's storage (wx storage on WeChat,
// localStorage on H5) and HTTP (wx.request on WeChat; window.fetch on H5). The only place
// besides the pages that imports @tarojs/taro.

import Taro from '@tarojs/taro'
import { fetchHttpClient, TransportError, withDeadline, type HttpClient, type HttpResponse } from '../lib/http'
import { memoryStorage, type KeyValueStorage } from '../lib/storage'

function storageWorks(): boolean {
  try {
    Taro.getStorageSync('inspector.probe')
    return true
  } catch {
    return false
  }
}

/** Taro storage; memory when the platform's storage is unusable (private browsing on H5). */
export const taroStorage: KeyValueStorage = storageWorks()
  ? {
      getItem(key) {
        const value: unknown = Taro.getStorageSync(key)
        // Taro returns '' for a missing key
        return typeof value === 'string' && value !== '' ? value : null
      },
      setItem(key, value) {
        Taro.setStorageSync(key, value)
      },
      removeItem(key) {
        Taro.removeStorageSync(key)
      },
    }
  : memoryStorage()

function headerLookup(headers: unknown): (name: string) => string | null {
  const entries = headers && typeof headers === 'object' ? Object.entries(headers as Record<string, unknown>) : []
  return (name) => {
    const wanted = name.toLowerCase()
    const found = entries.find(([k]) => k.toLowerCase() === wanted)
    return found === undefined || found[1] == null ? null : String(found[1])
  }
}

/**
 * wx.request through Taro. The body is asked for as text (dataType other than "json") so that
 * src/lib decides what a malformed answer is. wx's own timeout is set a little after ours, so
 * our deadline (with abort) is the one that fires.
 */
export const taroRequestClient: HttpClient = {
  get(url, options) {
    return withDeadline(options.timeoutMs, (onAbort) => {
      const task = Taro.request({
        url,
        method: 'GET',
        header: options.headers ?? {},
        dataType: 'text',
        responseType: 'text',
        timeout: options.timeoutMs + 1000,
        enableHttp2: true,
      })
      onAbort(() => task.abort())
      return task.then(
        (res): HttpResponse => ({
          status: res.statusCode,
          header: headerLookup(res.header),
          text: typeof res.data === 'string' ? res.data : JSON.stringify(res.data ?? null),
        }),
        (err: { errMsg?: string }) => {
          const message = err?.errMsg ?? String(err)
          throw new TransportError(/timeout|超时/i.test(message) ? 'TIMEOUT' : 'NETWORK', message)
        },
      )
    })
  },
}

/** The HTTP client for this platform: fetch on H5 (CORS simple GETs), wx.request on WeChat. */
export const platformHttp: HttpClient =
  process.env.TARO_ENV === 'h5'
    ? fetchHttpClient((input, init) => window.fetch(input, init as RequestInit) as never)
    : taroRequestClient
