import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConcurrencyCap, releaseWhenStreamed } from './concurrency-cap'

describe('createConcurrencyCap', () => {
  afterEach(() => vi.useRealTimers())

  it('refuses a client at its own cap while others still get slots, and frees the slot on release', () => {
    const cap = createConcurrencyCap({ total: 3, perClient: 2, maxHoldMs: 60_000 })
    const a1 = cap.tryAcquire('a')
    const a2 = cap.tryAcquire('a')
    expect(a1 && a2).toBeTruthy()
    expect(cap.tryAcquire('a')).toBeNull()
    const b1 = cap.tryAcquire('b')
    expect(b1).toBeTruthy()
    // the process is full now, whoever asks
    expect(cap.tryAcquire('c')).toBeNull()
    a1!()
    a1!() // a second release gives nothing back twice
    expect(cap.inUse()).toBe(2)
    expect(cap.inUse('a')).toBe(1)
    expect(cap.tryAcquire('c')).toBeTruthy()
    expect(cap.tryAcquire('a')).toBeNull()
  })

  it('takes a slot back after maxHoldMs when its release never came', () => {
    vi.useFakeTimers()
    const cap = createConcurrencyCap({ total: 1, perClient: 1, maxHoldMs: 1000 })
    expect(cap.tryAcquire('a')).toBeTruthy()
    expect(cap.tryAcquire('a')).toBeNull()
    vi.advanceTimersByTime(1000)
    expect(cap.inUse()).toBe(0)
    expect(cap.tryAcquire('a')).toBeTruthy()
  })
})

describe('releaseWhenStreamed', () => {
  const body = (chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift()
        if (next === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(next))
      },
    })

  it('releases when the body has been read to the end, not before, and keeps status and headers', async () => {
    const release = vi.fn()
    const res = releaseWhenStreamed(new Response(body(['a,b\n', '1,2\n']), { status: 200, headers: { 'content-type': 'text/csv' } }), release)
    expect(release).not.toHaveBeenCalled()
    expect(res.headers.get('content-type')).toBe('text/csv')
    expect(await res.text()).toBe('a,b\n1,2\n')
    expect(release).toHaveBeenCalledTimes(1)
  })

  it('releases when the reader goes away', async () => {
    const release = vi.fn()
    const res = releaseWhenStreamed(new Response(body(['a', 'b', 'c'])), release)
    const reader = res.body!.getReader()
    await reader.read()
    await reader.cancel()
    expect(release).toHaveBeenCalledTimes(1)
  })

  it('releases when the stream fails, and at once for a response without a body', async () => {
    const release = vi.fn()
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('database gone'))
      },
    })
    await expect(releaseWhenStreamed(new Response(failing), release).text()).rejects.toThrow('database gone')
    expect(release).toHaveBeenCalledTimes(1)
    const none = vi.fn()
    releaseWhenStreamed(new Response(null, { status: 204 }), none)
    expect(none).toHaveBeenCalledTimes(1)
  })
})
