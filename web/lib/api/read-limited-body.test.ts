import { describe, expect, it } from 'vitest'
import { readLimitedText } from './read-limited-body'

/** A chunked request body (no Content-Length) that counts how many chunks were pulled. */
function chunked(chunks: string[]) {
  let pulled = 0
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks.length) return controller.close()
      controller.enqueue(encoder.encode(chunks[pulled++]))
    },
  })
  const request = new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit)
  return { request, pulled: () => pulled }
}

describe('readLimitedText', () => {
  it('reads a body within the limit, UTF-8 across chunk boundaries', async () => {
    const { request } = chunked(['{"名称":', '"海口"}'])
    expect(await readLimitedText(request, 1000)).toBe('{"名称":"海口"}')
  })

  it('stops at the chunk that passes the limit instead of reading the rest', async () => {
    const { request, pulled } = chunked(['a'.repeat(600), 'b'.repeat(600), 'c'.repeat(600), 'd'.repeat(600)])
    expect(await readLimitedText(request, 1000)).toBeNull()
    expect(pulled()).toBe(2)
  })

  it('answers an empty string for a request without a body', async () => {
    expect(await readLimitedText(new Request('http://localhost/x', { method: 'POST' }), 10)).toBe('')
  })
})
