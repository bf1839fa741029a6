// Writing a file that holds secrets (the certificate key file, the personal-data key file): owner
// only (0600, its folder 0700), and a replacement lands atomically — a sibling file renamed over the
// old one — so that a reader never sees half a key file.
import fs from 'node:fs'
import path from 'node:path'

/** Writes `content` as JSON; `exclusive` refuses to overwrite an existing file. */
export function writeSecretJsonFile(file: string, content: unknown, exclusive: boolean): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const text = JSON.stringify(content, null, 2) + '\n'
  if (exclusive) {
    fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' })
  } else {
    const tmp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' })
    fs.renameSync(tmp, file)
  }
  fs.chmodSync(file, 0o600)
}
