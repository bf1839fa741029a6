// Prints the current standard as Markdown; with --write, replaces the generated part of
// docs/scoring-standard.md (between the GENERATED markers) with it.
//   npx tsx shared/scoring/print-standard.ts [--write]
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { GENERATED_BEGIN, GENERATED_END, renderStandardMarkdown } from './markdown'
import { CURRENT_STANDARD } from './standards'

const markdown = renderStandardMarkdown(CURRENT_STANDARD)

if (process.argv.includes('--write')) {
  const path = fileURLToPath(new URL('../../docs/scoring-standard.md', import.meta.url))
  const doc = readFileSync(path, 'utf8')
  const begin = doc.indexOf(GENERATED_BEGIN)
  const end = doc.indexOf(GENERATED_END)
  if (begin < 0 || end < begin) throw new Error(`${path}: generated-section markers not found`)
  writeFileSync(path, `${doc.slice(0, begin + GENERATED_BEGIN.length)}\n\n${markdown}\n\n${doc.slice(end)}`)
  console.log(`updated ${path}`)
} else {
  console.log(markdown)
}
