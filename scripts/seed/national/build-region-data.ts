// Rebuilds shared/regions/china-data.ts from the CSV files of the public dataset
// github:modood/Administrative-divisions-of-China (dist/provinces.csv, dist/cities.csv,
// dist/areas.csv; 国家统计局 统计用区划代码, 截止 2022-10-31, 发布 2022-12-29, commit 57a0aa9 of
// 2024-11-28):
//
//   npx tsx scripts/seed/national/build-region-data.ts <dir with the three CSV files>
//
// The output is one line per division, "code name", codes padded to 6 digits (GB/T 2260 form).
// Prefecture-level placeholders (市辖区, 省直辖县级行政区划 …) are not divisions and are left out;
// their counties hang directly under the province (china.ts works the parents out). A prefecture
// without counties appears once, as a prefecture.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'

const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

function rows(dir: string, file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true })
}

const dir = process.argv[2]
if (!dir) {
  console.error('usage: build-region-data.ts <dir with provinces.csv, cities.csv, areas.csv>')
  process.exit(2)
}
const names = new Map<string, string>()
for (const p of rows(dir, 'provinces.csv')) names.set(`${p.code}0000`, p.name)
for (const c of rows(dir, 'cities.csv')) if (!PLACEHOLDERS.has(c.name)) names.set(`${c.code}00`, c.name)
// a prefecture without counties (东莞市 441900) is listed again as its own area: once is enough
for (const a of rows(dir, 'areas.csv')) if (!names.has(a.code)) names.set(a.code, a.name)
const lines = [...names].map(([code, name]) => `${code} ${name}`).sort()
const out = `// GB/T 2260 divisions of the 31 provinces of the mainland: provinces, prefecture-level divisions
// and county-level divisions, one "code name" per line (codes of 6 digits), ${lines.length} lines.
//
// Source: 国家统计局 统计用区划代码 (截止时间 2022-10-31, 发布时间 2022-12-29), as published in
// github:modood/Administrative-divisions-of-China (dist/*.csv, WTFPL, repository state of
// 2024-11-28, commit 57a0aa9). Made by scripts/seed/national/build-region-data.ts; do not edit.
export const CHINA_DIVISIONS = \`
${lines.join('\n')}
\`
`
writeFileSync(path.resolve('shared/regions/china-data.ts'), out)
console.log(`${lines.length} divisions written`)
