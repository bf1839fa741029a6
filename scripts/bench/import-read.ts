// Reading an import file: times readImportFile (decode, parse, header check, normalise every cell)
// on generated enterprise files, the read half of issue 13's target of ≥ 100,000 validated rows per
// minute with memory flat as the file grows. Validation against the form schemas and the database
// is the dry run's and is not timed here.
//   npx tsx scripts/bench/import-read.ts [--csv-rows 100000,1000000] [--gbk-rows 100000] [--xlsx-rows 100000] [--keep] [--json]
// --json adds one result line for `npm run bench` (bench-result.ts).
//
// Files are written to a temporary directory first (not timed). Each is then read in a fresh child
// process, so that one file's peak memory is not another's: the child samples RSS every 50 ms and
// reports the peak with the process's own maxRSS, and forces a collection every 25,000 rows to
// report the largest live heap (the heap sampled without collecting is mostly garbage not yet
// collected, which says little about what the reader holds). Cells vary the way real files do
// (dates as 2015/6/18, 2015年6月18日 or ISO; capital with thousands separators; regions by name or
// code; full-width digits in some codes), so normalisation does its real work.
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { stringify } from 'csv-stringify/sync'
import { ENTERPRISES } from '../../shared/import/subject-kinds.ts'
import { HAINAN_REGIONS } from '../../shared/regions/hainan.ts'
import { makeUscc, USCC_ALPHABET } from '../../shared/validators/uscc.ts'
import { figure, printBenchResult, type Figure } from './bench-result.ts'
import { readImportFile } from '../../web/server/import/read-import-file.ts'

const SCRIPT = fileURLToPath(import.meta.url)

const { values } = parseArgs({
  options: {
    'csv-rows': { type: 'string', default: '100000,1000000' },
    'gbk-rows': { type: 'string', default: '100000' },
    'xlsx-rows': { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    // child mode: read one file and print its measurements as JSON
    read: { type: 'string' },
  },
})

const counts = (s: string | undefined) => (s ? s.split(',').map(Number).filter((n) => n > 0) : [])

// ---------------------------------------------------------------- generation

const TYPES = ['施工单位', '设计单位', '监理单位', '勘察单位', '建设单位', 'CONTRACTOR']
const WORDS = ['椰城', '琼州', '南海', '滨海', '天涯', '五指山', '万泉河', '鹿回头', '椰风', '海韵', '金岛', '绿洲']
const SUFFIXES = ['建设工程有限公司', '建筑设计院有限公司', '工程监理有限公司', '岩土工程勘察有限公司', '置业有限公司']
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'

function orgBody(i: number): string {
  let s = ''
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / USCC_ALPHABET.length)) s = USCC_ALPHABET[n % USCC_ALPHABET.length] + s
  return s
}

function enterpriseCells(i: number): string[] {
  const region = HAINAN_REGIONS[1 + (i % (HAINAN_REGIONS.length - 1))]
  const uscc = makeUscc('91', region.code, orgBody(i + 1_000_000))
  const year = 1995 + (i % 30)
  const month = 1 + (i % 12)
  const day = 1 + (i % 28)
  const date = i % 3 === 0 ? `${year}/${month}/${day}` : i % 3 === 1 ? `${year}年${month}月${day}日` : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const capital = 100 + ((i * 37) % 99_900)
  return [
    // one code in ten typed with full-width digits, as an IME gives them
    i % 10 === 0 ? uscc.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : uscc,
    `海南${WORDS[i % WORDS.length]}${WORDS[(i >> 4) % WORDS.length]}${i}${SUFFIXES[i % SUFFIXES.length]}`,
    TYPES[i % TYPES.length],
    i % 2 === 0 ? region.name : region.code,
    `${SURNAMES[i % SURNAMES.length]}${WORDS[(i >> 2) % WORDS.length].slice(0, 1)}${SURNAMES[(i >> 3) % SURNAMES.length]}`,
    `${region.name}${WORDS[(i >> 1) % WORDS.length]}路${(i % 999) + 1}号`,
    capital >= 1000 ? capital.toLocaleString('en-US') : String(capital),
    date,
  ]
}

function* csvRecords(rows: number): Generator<string[]> {
  yield ENTERPRISES.columns.map((c) => c.header)
  for (let i = 0; i < rows; i++) yield enterpriseCells(i)
}

function* csvChunks(rows: number, encoding: 'utf-8' | 'gbk'): Generator<Buffer> {
  if (encoding === 'utf-8') yield Buffer.from([0xef, 0xbb, 0xbf])
  let batch: string[][] = []
  const flush = () => {
    const text = stringify(batch, { record_delimiter: 'windows' })
    batch = []
    return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8')
  }
  for (const record of csvRecords(rows)) {
    batch.push(record)
    if (batch.length === 1000) yield flush()
  }
  if (batch.length) yield flush()
}

async function writeCsv(file: string, rows: number, encoding: 'utf-8' | 'gbk'): Promise<void> {
  await pipeline(Readable.from(csvChunks(rows, encoding)), createWriteStream(file))
}

async function writeXlsx(file: string, rows: number): Promise<void> {
  // shared strings, as Excel writes them (after the sheets: the reader parks the sheet on disk)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true })
  const sheet = workbook.addWorksheet(ENTERPRISES.sheetName)
  sheet.addRow(ENTERPRISES.columns.map((c) => c.header)).commit()
  for (let i = 0; i < rows; i++) {
    const cells: (string | number | Date)[] = enterpriseCells(i)
    cells[6] = 100 + ((i * 37) % 99_900)
    cells[7] = new Date(Date.UTC(1995 + (i % 30), i % 12, 1 + (i % 28)))
    const row = sheet.addRow(cells)
    row.getCell(8).numFmt = 'yyyy-mm-dd'
    row.commit()
  }
  sheet.commit()
  await workbook.commit()
}

// ---------------------------------------------------------------- reading (child process)

interface Measurement {
  rows: number
  problems: number
  seconds: number
  peakRssMb: number
  liveHeapMb: number
  maxRssMb: number
}

async function readOne(file: string): Promise<void> {
  let peakRss = 0
  let liveHeap = 0
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const collect = () => {
    ;(globalThis as { gc?: () => void }).gc?.()
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed)
  }
  const timer = setInterval(sample, 50)
  const started = performance.now()
  const handle = await fs.open(file)
  const rowsFile = await readImportFile(handle.createReadStream({ highWaterMark: 64 * 1024 }), { kind: 'enterprises', fileName: path.basename(file) })
  let rows = 0
  let problems = 0
  for await (const row of rowsFile) {
    rows++
    problems += row.problems.length
    if (rows % 25_000 === 0) collect()
  }
  const seconds = (performance.now() - started) / 1000
  clearInterval(timer)
  sample()
  collect()
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10
  const result: Measurement = { rows, problems, seconds, peakRssMb: mb(peakRss), liveHeapMb: mb(liveHeap), maxRssMb: mb(process.resourceUsage().maxRSS * 1024) }
  process.stdout.write(JSON.stringify(result))
}

function measure(file: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...process.execArgv, SCRIPT, '--read', file], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Measurement) : reject(new Error(`reader exited with ${code}`))))
  })
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (values.read) return readOne(values.read)

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-read-'))
  const cases: { label: string; file: string; rows: number; write: () => Promise<void> }[] = []
  for (const n of counts(values['csv-rows'])) {
    const file = path.join(dir, `enterprises-${n}.csv`)
    cases.push({ label: 'CSV UTF-8', file, rows: n, write: () => writeCsv(file, n, 'utf-8') })
  }
  for (const n of counts(values['gbk-rows'])) {
    const file = path.join(dir, `enterprises-${n}-gbk.csv`)
    cases.push({ label: 'CSV GBK', file, rows: n, write: () => writeCsv(file, n, 'gbk') })
  }
  for (const n of counts(values['xlsx-rows'])) {
    const file = path.join(dir, `enterprises-${n}.xlsx`)
    cases.push({ label: 'XLSX', file, rows: n, write: () => writeXlsx(file, n) })
  }

  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, files in ${dir}`)
  console.log('| file | rows | size | read s | rows/min | peak RSS | live heap | problems |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
  const figures: Figure[] = []
  try {
    for (const c of cases) {
      await c.write()
      const size = (await fs.stat(c.file)).size
      const m = await measure(c.file)
      if (m.rows !== c.rows) throw new Error(`${c.file}: read ${m.rows} rows, wrote ${c.rows}`)
      const perMinute = Math.round((m.rows / m.seconds) * 60)
      console.log(
        `| ${c.label} | ${c.rows.toLocaleString('en-US')} | ${(size / 1024 / 1024).toFixed(1)} MB | ${m.seconds.toFixed(1)} | ${perMinute.toLocaleString('en-US')} | ${Math.max(m.peakRssMb, m.maxRssMb)} MB | ${m.liveHeapMb} MB | ${m.problems} |`,
      )
      figures.push(
        figure(`read ${c.label}, ${c.rows.toLocaleString('en-US')} rows`, perMinute, 'rows/min', { op: '>=', limit: 100_000 }),
        figure(`read ${c.label}, ${c.rows.toLocaleString('en-US')} rows, peak RSS`, Math.max(m.peakRssMb, m.maxRssMb), 'MB'),
      )
      if (!values.keep) await fs.rm(c.file)
    }
    if (values.json) printBenchResult({ bench: 'import-read', context: 'generated enterprise files', figures })
  } finally {
    if (!values.keep) await fs.rm(dir, { recursive: true, force: true })
  }
}

await main()
