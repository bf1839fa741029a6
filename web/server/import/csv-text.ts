// The characters of an uploaded CSV. Chinese Excel saves "CSV（逗号分隔）" in the system code page
// (GBK, which GB18030 contains) and only "CSV UTF-8" as UTF-8, so both arrive. The encoding is
// decided on the first 64 KB: UTF-8 if it starts with a BOM or decodes as strict UTF-8, else
// GB18030 if it decodes without a replacement character, else the file is refused with how to save
// a readable one. Bytes later in the file that do not decode become U+FFFD, which the reader
// refuses on the row where it appears — so the whole file is never held to decide.
import iconv from 'iconv-lite'
import { ImportFileError, SAVE_AS_UTF8_CSV } from './import-file-error'

export type CsvEncoding = 'utf-8' | 'gb18030'

export const ENCODING_SAMPLE_BYTES = 64 * 1024

export const REPLACEMENT_CHARACTER = '\uFFFD'

function isStrictUtf8(bytes: Buffer, complete: boolean): boolean {
  try {
    // stream: a sample cut inside a character is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete })
    return true
  } catch {
    return false
  }
}

function isCleanGb18030(bytes: Buffer, complete: boolean): boolean {
  const decoder = iconv.getDecoder('gb18030')
  const text = decoder.write(bytes) + (complete ? (decoder.end() ?? '') : '')
  return !text.includes(REPLACEMENT_CHARACTER)
}

/** The encoding of a CSV from its first bytes (`complete`: they are the whole file). */
export function detectCsvEncoding(head: Buffer, complete: boolean): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || head.includes(0)) {
    // Excel's "Unicode 文本" is UTF-16 and tab-separated; a NUL byte means no text file of ours
    throw new ImportFileError('ENCODING', `文件不是 CSV 文本文件（可能是“Unicode 文本”或其他格式）。${SAVE_AS_UTF8_CSV}`)
  }
  if (isStrictUtf8(head, complete)) return 'utf-8'
  if (isCleanGb18030(head, complete)) return 'gb18030'
  throw new ImportFileError('ENCODING', `文件的文字编码既不是 UTF-8，也不是 GBK/GB18030，无法读取。${SAVE_AS_UTF8_CSV}`)
}

/** The text of the chunks; a UTF-8 BOM is dropped, undecodable bytes become U+FFFD. */
export async function* decodeCsv(chunks: AsyncIterable<Buffer>, encoding: CsvEncoding): AsyncGenerator<string> {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8')
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true })
      if (text) yield text
    }
    const rest = decoder.decode()
    if (rest) yield rest
    return
  }
  const decoder = iconv.getDecoder('gb18030')
  for await (const chunk of chunks) {
    const text = decoder.write(chunk)
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}
