import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { passOnlyRealEnd } from './xlsx-rows'

describe('the zip end guard', () => {
  it('hides an "end" emitted before the piped stream’s readable side has ended, and passes the real one', async () => {
    const zip = new PassThrough()
    const seen: string[] = []
    zip.on('end', () => seen.push('end'))
    passOnlyRealEnd(Readable.from([Buffer.from('PK')])).pipe(zip)
    // what unzipper's Parse does on 'finish', while entries may still wait to be read
    zip.emit('end')
    expect(seen).toEqual([])
    const ended = once(zip, 'end')
    zip.resume()
    await ended
    expect(seen).toEqual(['end'])
  })
})
