// A cap on work in progress, per process and per client: a list export streams for as long as
// the client reads, holding a database connection and a core, so a few slow readers could take
// the whole instance. A rate limit counts starts; this counts what is still running.

export interface ConcurrencyCapSettings {
  /** runs at once in this process */
  total: number
  /** runs at once for one client key */
  perClient: number
  /**
   * a slot is given back after this long even if its run never reported its end (a stream that
   * was neither read to the end nor cancelled), so a lost release cannot lock a client out forever
   */
  maxHoldMs: number
}

/** Gives the slot back; calling it again does nothing. */
export type ReleaseSlot = () => void

export interface ConcurrencyCap {
  /** A slot for this client, or null when the process or the client is at its cap. */
  tryAcquire(clientKey: string): ReleaseSlot | null
  /** runs in progress, in total and for one client */
  inUse(clientKey?: string): number
}

export function createConcurrencyCap(settings: ConcurrencyCapSettings): ConcurrencyCap {
  let total = 0
  const perClient = new Map<string, number>()
  return {
    tryAcquire(clientKey) {
      const mine = perClient.get(clientKey) ?? 0
      if (total >= settings.total || mine >= settings.perClient) return null
      total++
      perClient.set(clientKey, mine + 1)
      let released = false
      const release = () => {
        if (released) return
        released = true
        clearTimeout(timer)
        total--
        const left = (perClient.get(clientKey) ?? 1) - 1
        if (left > 0) perClient.set(clientKey, left)
        else perClient.delete(clientKey)
      }
      const timer = setTimeout(release, settings.maxHoldMs)
      timer.unref?.()
      return release
    },
    inUse(clientKey) {
      return clientKey === undefined ? total : (perClient.get(clientKey) ?? 0)
    },
  }
}

/**
 * The body of `response` handed on unchanged, calling `release` once it has been read to the end,
 * has failed or was cancelled (the client went away). A response without a body releases at once.
 */
export function releaseWhenStreamed(response: Response, release: ReleaseSlot): Response {
  if (!response.body) {
    release()
    return response
  }
  const reader = response.body.getReader()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) {
          release()
          controller.close()
        } else controller.enqueue(value)
      } catch (error) {
        release()
        controller.error(error)
      }
    },
    async cancel(reason) {
      release()
      await reader.cancel(reason)
    },
  })
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
}
