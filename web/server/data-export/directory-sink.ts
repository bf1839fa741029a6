// The export's files in a directory: one write stream at a time, each piece written with
// backpressure before the next page is read.
import fs from 'node:fs'
import { once } from 'node:events'
import path from 'node:path'
import type { DataExportSink } from './export-data'

export function directorySink(dir: string): DataExportSink & { files: string[] } {
  fs.mkdirSync(dir, { recursive: true })
  let stream: fs.WriteStream | null = null
  let failure: Error | null = null
  const files: string[] = []
  return {
    files,
    async begin(fileName) {
      if (stream) throw new Error('the previous file is still open')
      const file = path.join(dir, fileName)
      stream = fs.createWriteStream(file, { encoding: 'utf8' })
      stream.on('error', (error) => {
        failure = error
      })
      files.push(file)
    },
    async write(text) {
      if (!stream) throw new Error('no file is open')
      if (failure) throw failure
      if (text.length > 0 && !stream.write(text)) await once(stream, 'drain')
    },
    async end() {
      const open = stream
      stream = null
      if (!open) return
      await new Promise<void>((resolve, reject) => {
        open.once('error', reject)
        open.end(resolve)
      })
      if (failure) throw failure
    },
  }
}
