// Time to save a stage in the back office: issuePermit (the permit, its key people, the certificate
// signed with the active key, the audit entry, in one transaction) on a database seeded at demo
// scale, N times over fresh projects carried through the earlier stages (those are timed too).
//   npx tsx scripts/bench/save-stage.ts [--scale 1] [--runs 50] [--provider sqlite|postgresql] [--json]
// --json adds one result line for `npm run bench` (bench-result.ts): each save's median and p95
// against the 1 s a form should answer in.
// Uses a throw-away database (prisma/testing/test-database.ts); seeding is not timed.
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { createTestDatabase } from '../../prisma/testing/test-database.ts'
import { chinaDateOf } from '../../shared/dates/calendar-date.ts'
import { parseKeyFile } from '../../shared/certificates/key-file.ts'
import type { Actor } from '../../shared/staff/actor.ts'
import { fileContract } from '../../web/server/projects/file-contract.ts'
import { fileSupervision } from '../../web/server/projects/file-supervision.ts'
import { issuePermit } from '../../web/server/projects/issue-permit.ts'
import { recordDrawingReview } from '../../web/server/projects/record-drawing-review.ts'
import { registerProject } from '../../web/server/projects/register-project.ts'
import { seedDatabase } from '../seed/seed-database.ts'
import { createTestSigningKeys } from '../seed/test-signing-keys.ts'
import { usePersonalDataKeys } from '../../web/server/personal-data/personal-data.ts'
import { createTestKeyRing } from '../../web/server/personal-data/testing/test-key-ring.ts'
import { useThrowAwayLogKey } from '../log/log-key-from-environment.ts'
import { figure, percentile, printBenchResult, type Figure } from './bench-result.ts'

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '50' }, provider: { type: 'string', default: 'sqlite' }, json: { type: 'boolean', default: false } } })
const provider = values.provider === 'postgresql' ? 'postgresql' : 'sqlite'
const runs = Number(values.runs)
const now = new Date()
const today = chinaDateOf(now)
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)

const t = await createTestDatabase(provider)
try {
  const keys = createTestSigningKeys()
  const ring = parseKeyFile(keys.keyFile)
  const seedStart = performance.now()
  // a throw-away database: throw-away personal-data keys, like the test signing keys
  usePersonalDataKeys(createTestKeyRing())
  useThrowAwayLogKey()
  await seedDatabase(t.db, { signer: keys.signer, scale: Number(values.scale), asOf: today })
  console.log(`seeded ${provider} at scale ${values.scale} in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; projects: ${await t.db.project.count()}, certificates: ${await t.db.certificate.count()}`)

  const region = '460100'
  const authority = await t.db.authority.findUniqueOrThrow({ where: { regionCode: region } })
  const user = await t.db.user.create({ data: { username: 'bench-officer', displayName: '基准测试', passwordHash: 'x', role: 'REGION_OFFICER', authorityId: authority.id } })
  const actor: Actor = { userId: user.id, username: user.username, displayName: user.displayName, role: 'REGION_OFFICER', authorityId: authority.id, regionCode: region, regions: [region], clientIp: '127.0.0.1' }
  const on = new Date(`${today}T00:00:00Z`)
  const registered = (type: 'CONSTRUCTOR_1' | 'SUPERVISION_ENGINEER', employerType: 'CONTRACTOR' | 'SUPERVISOR') =>
    t.db.registration.findFirstOrThrow({ where: { type, issuedOn: { lte: on }, validUntil: { gte: on }, employer: { type: employerType } }, select: { personId: true, employer: { select: { uscc: true } } } })
  const manager = await registered('CONSTRUCTOR_1', 'CONTRACTOR')
  const chief = await registered('SUPERVISION_ENGINEER', 'SUPERVISOR')
  const owner = await t.db.enterprise.findFirstOrThrow({ where: { type: 'OWNER' }, select: { uscc: true } })
  const design = await t.db.enterprise.findFirstOrThrow({ where: { type: 'DESIGN' }, select: { uscc: true } })

  const timings: Record<string, number[]> = { registerProject: [], fileContract: [], recordDrawingReview: [], fileSupervision: [], issuePermit: [] }
  const timed = async <T>(name: string, call: () => Promise<T>): Promise<T> => {
    const start = performance.now()
    const result = await call()
    timings[name].push(performance.now() - start)
    return result
  }
  for (let i = 0; i < runs; i++) {
    const { projectCode } = await timed('registerProject', () =>
      registerProject(t.db, actor, { name: `基准测试项目${i + 1}号楼`, address: '海口市龙华区滨海大道 1 号', regionCode: region, category: 'BUILDING', investment: '8000', floorArea: '20000', ownerUscc: owner.uscc }, now),
    )
    await timed('fileContract', () => fileContract(t.db, actor, { projectCode, partyRole: 'DESIGN', partyUscc: design.uscc, contractPrice: '200', signedOn: daysAgo(12), filedOn: daysAgo(10) }, now))
    await fileContract(t.db, actor, { projectCode, partyRole: 'CONTRACTOR', partyUscc: manager.employer!.uscc, contractPrice: '6000', signedOn: daysAgo(12), filedOn: daysAgo(10) }, now)
    await fileContract(t.db, actor, { projectCode, partyRole: 'SUPERVISOR', partyUscc: chief.employer!.uscc, contractPrice: '120', signedOn: daysAgo(12), filedOn: daysAgo(10) }, now)
    await timed('recordDrawingReview', () => recordDrawingReview(t.db, actor, { projectCode, reviewAgency: '海南省施工图审查中心', result: '合格', issueCount: '3', certificateNumber: `BENCH${String(i).padStart(6, '0')}`, passedOn: daysAgo(5) }, now))
    await timed('fileSupervision', () => fileSupervision(t.db, actor, { projectCode, supervisionStation: '海口市建设工程质量安全监督站', filedOn: daysAgo(2) }, now))
    await timed('issuePermit', () =>
      issuePermit(t.db, actor, ring, {
        projectCode, scale: '地上12层', floorArea: '20000', contractPrice: '6000', plannedStartOn: today, plannedEndOn: daysAgo(-540),
        contractorUscc: manager.employer!.uscc, supervisorUscc: chief.employer!.uscc, projectManagerId: manager.personId, chiefSupervisorId: chief.personId,
      }, now),
    )
  }
  const fmt = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b)
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
    return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`
  }
  console.log(`${runs} runs on ${provider}, Node ${process.version}`)
  for (const [name, xs] of Object.entries(timings)) console.log(`  ${name.padEnd(20)} ${fmt(xs)}`)
  if (values.json) {
    const formAnswers = { op: '<', limit: 1000 } as const
    printBenchResult({
      bench: 'save-stage',
      context: `${provider}, scale ${values.scale}, ${runs} runs`,
      figures: Object.entries(timings).flatMap(([name, xs]): Figure[] => [
        figure(`${name}, median`, percentile(xs, 50), 'ms', formAnswers),
        figure(`${name}, p95`, percentile(xs, 95), 'ms', formAnswers),
      ]),
    })
  }
} finally {
  await t.db.$disconnect()
  await t.drop()
}
