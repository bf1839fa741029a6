// The uploaded bytes, counted as they arrive. The file's declared size is not trusted: the count
// is. Past the limit the stream simply ends and `overLimit` is set, rather than throwing, because
// exceljs pipes its input into unzipper, which does not pass an error on and would wait for ever;
// the readers check `overLimit` before they believe an ending.
import { formatBytes } from './import-limits'
import { ImportFileError } from './import-file-error'

export class MeteredSource {
  bytes = 0
  overLimit = false
  private readonly iterator: AsyncIterator<Uint8Array>
  private readonly pending: Buffer[] = []
  private ended = false

  constructor(
    source: AsyncIterable<Uint8Array>,
    readonly maxBytes: number,
  ) {
    this.iterator = source[Symbol.asyncIterator]()
  }

  private async pull(): Promise<Buffer | null> {
    if (this.ended) return null
    const { value, done } = await this.iterator.next()
    if (done) {
      this.ended = true
      return null
    }
    const chunk = Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    this.bytes += chunk.byteLength
    if (this.bytes > this.maxBytes) {
      this.overLimit = true
      await this.close()
      return null
    }
    return chunk
  }

  /** The first `n` bytes (fewer if the file is shorter), kept to be read again by chunks(). */
  async head(n: number): Promise<{ head: Buffer; complete: boolean }> {
    let length = this.pending.reduce((sum, b) => sum + b.byteLength, 0)
    while (length < n) {
      const chunk = await this.pull()
      if (!chunk) break
      this.pending.push(chunk)
      length += chunk.byteLength
    }
    const all = Buffer.concat(this.pending)
    return { head: all.subarray(0, n), complete: this.ended && !this.overLimit && all.byteLength <= n }
  }

  /** Every byte from the start (the head included), in the chunks they arrived in. */
  async *chunks(): AsyncGenerator<Buffer> {
    while (this.pending.length) yield this.pending.shift() as Buffer
    for (let chunk = await this.pull(); chunk; chunk = await this.pull()) yield chunk
  }

  tooLarge(): ImportFileError {
    return new ImportFileError('FILE_TOO_LARGE', `文件超过 ${formatBytes(this.maxBytes)} 的大小上限，请拆分为多个文件后分别导入`)
  }

  /** Throws FILE_TOO_LARGE once the count has passed the limit. */
  assertWithinLimit(): void {
    if (this.overLimit) throw this.tooLarge()
  }

  async close(): Promise<void> {
    this.ended = true
    await this.iterator.return?.()
  }
}
