// Sums the vitest JSON reports of one `npm test` run into the closing line CI reads.
import fs from 'node:fs'
import path from 'node:path'

const [dir, failedStageCount, ...failedStages] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!file.endsWith('.json')) continue
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  const fileSkipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  skipped += fileSkipped
  console.log(`${file.replace(/\.json$/, '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${fileSkipped} skipped`)
}
const stageFailures = Number(failedStageCount)
if (stageFailures) console.log(`failed stages: ${failedStages.join('; ')}`)
console.log(`\ntests: ${passed} passed, ${failed + stageFailures} failed, ${skipped} skipped`)
process.exit(failed + stageFailures > 0 ? 1 : 0)
