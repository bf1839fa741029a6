// Property-based fuzzing of the back office's use cases (web/server/<feature>/<verb>-<noun>.ts taking
// (db, actor, …)) on every test provider: each is called by an actor allowed to use it with hostile
// form input — records of strings (and repeated fields as arrays), as staffAction builds them from
// FormData, with fields replaced by hostile strings, emptied, dropped, repeated, and unknown or
// __proto__ keys added — and hostile ids where it takes an id from the URL. The property: it
// succeeds, or it refuses with the application's InputError / ForbiddenError / NotFoundError /
// ConflictError (what the forms turn into a Chinese message) and then nothing was written, audit
// log included. Any other error is what a staff member would meet as the error page.
// Every exported function of web/server taking (db: Db, actor: Actor, …) must be in CASES or in
// NOT_FUZZED with its reason, so a new use case cannot be left out silently.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { ZodError } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoKeyFile, parseKeyFile } from '@shared/certificates/key-file'
import { resetPasswordSchema } from '@shared/staff-forms/accounts'
import { adminProjectQuerySchema } from '@shared/staff-forms/projects'
import type { Actor } from '@shared/staff/actor'
import { createTestDatabase, testProviders, type TestDatabase } from '@db/testing/test-database'
import type { Db } from '@db/client'
import { createAccount } from '@web/server/accounts/create-account'
import { endAccountSessions } from '@web/server/accounts/end-account-sessions'
import { resetAccountPassword } from '@web/server/accounts/reset-account-password'
import { setAccountActive } from '@web/server/accounts/set-account-active'
import { createApiToken } from '@web/server/api-tokens/create-api-token'
import { revokeApiToken } from '@web/server/api-tokens/revoke-api-token'
import { auditQuerySchema } from '@web/server/audit/audit-queries'
import { exportAuditEntries } from '@web/server/audit/export-audit-entries'
import { listAuditEntries } from '@web/server/audit/list-audit-entries'
import { addQualification } from '@web/server/enterprises/add-qualification'
import { createEnterprise } from '@web/server/enterprises/create-enterprise'
import { getStaffEnterprise } from '@web/server/enterprises/get-staff-enterprise'
import { listStaffEnterprises } from '@web/server/enterprises/list-staff-enterprises'
import { updateEnterprise } from '@web/server/enterprises/update-enterprise'
import { updateQualification } from '@web/server/enterprises/update-qualification'
import { exportImportProblems, getImportJob } from '@web/server/import/get-import-job'
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '@web/server/lib/errors'
import { acceptObjection } from '@web/server/objections/accept-objection'
import { getObjectionForReview } from '@web/server/objections/get-objection-for-review'
import { openObjection } from '@web/server/objections/open-objection'
import { rejectObjection } from '@web/server/objections/reject-objection'
import { revealContactPhone } from '@web/server/objections/reveal-contact-phone'
import { submitObjection } from '@web/server/objections/submit-objection'
import { addRegistration } from '@web/server/practitioners/add-registration'
import { createPractitioner } from '@web/server/practitioners/create-practitioner'
import { getStaffPractitioner } from '@web/server/practitioners/get-staff-practitioner'
import { listStaffPractitioners } from '@web/server/practitioners/list-staff-practitioners'
import { revealPersonalData } from '@web/server/practitioners/reveal-personal-data'
import { updatePractitioner } from '@web/server/practitioners/update-practitioner'
import { updateRegistration } from '@web/server/practitioners/update-registration'
import { reissueProjectCertificate, revokeProjectCertificate } from '@web/server/projects/change-project-certificate'
import { correctCompletionFiling } from '@web/server/projects/correct-completion-filing'
import { correctPermit } from '@web/server/projects/correct-permit'
import { fileCompletion } from '@web/server/projects/file-completion'
import { fileContract } from '@web/server/projects/file-contract'
import { fileSupervision } from '@web/server/projects/file-supervision'
import { getStaffProject } from '@web/server/projects/get-staff-project'
import { issuePermit } from '@web/server/projects/issue-permit'
import { listStaffProjects } from '@web/server/projects/list-staff-projects'
import { lookupEnterprises, lookupRegisteredPractitioners } from '@web/server/projects/lookup-parties'
import { recordDrawingReview } from '@web/server/projects/record-drawing-review'
import { registerProject } from '@web/server/projects/register-project'
import { createProjectWorld, HAIKOU, projectInput, stageInputs, USCC, type ProjectWorld } from '@web/server/projects/testing/fixtures'
import { updateContract } from '@web/server/projects/update-contract'
import { updateDrawingReview } from '@web/server/projects/update-drawing-review'
import { updateSupervision } from '@web/server/projects/update-supervision'
import { correctRecord } from '@web/server/records/correct-record'
import { getStaffRecord } from '@web/server/records/get-staff-record'
import { listStaffRecords } from '@web/server/records/list-staff-records'
import { recordIntegrity } from '@web/server/records/record-integrity'
import { withdrawRecord } from '@web/server/records/withdraw-record'
import { fuzzParameters, HOSTILE_KEYS, hostileString, longString, mutatedString } from './hostile'
import { allTableCounts, changedTables } from './table-counts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const RUNS = 10
// after every date the plausible forms carry, so that they can succeed
const NOW = new Date('2026-07-20T03:00:00Z')
// the day the fixture's projects are registered and permitted (the completion form's acceptance day)
const SETUP = new Date('2026-07-01T03:00:00Z')
const RING = parseKeyFile(createDemoKeyFile())

/** What a use case is called with: the world's ids and plausible form values. */
interface World extends ProjectWorld {
  contractorId: string
  qualificationId: string
  registrationId: string
  recordId: string
  trackingNumber: string
  issued: { projectCode: string; permitId: string; completionFilingId: string; serial: string }
  early: { projectCode: string; contractId: string; reviewId: string; supervisionId: string }
  importJobId: string
  tokenId: string
}

type FormInput = Record<string, unknown>
interface StaffCase {
  actor: keyof ProjectWorld['actors']
  /** the form's fields with values that can succeed (empty: the case takes no form) */
  form?: (w: World) => Record<string, string>
  /** ids from the URL, plausible values */
  ids?: (w: World) => Record<string, string>
  call: (db: Db, actor: Actor, input: FormInput, ids: Record<string, string>) => Promise<unknown>
  /** a read: nothing is ever written, whatever the outcome */
  read?: true
  runs?: number
}

const badRecord = (subjectCode: string) => ({
  subjectCode,
  kind: 'BAD',
  categoryCode: 'BAD.PENALTY.SERIOUS',
  title: '未按规定履行质量安全责任',
  description: '施工现场存在重大安全隐患，责令停业整顿。',
  decisionNumber: '琼建罚〔2026〕101号',
  issuedBy: '海口市住房和城乡建设局',
  decidedOn: '2026-06-20',
  penaltyLastDay: '2027-12-31',
  publishFrom: '',
})
const enterpriseForm = { uscc: '91460100MA5TFZ0001', name: '海口模糊测试建设有限公司', type: 'CONTRACTOR', regionCode: HAIKOU, legalRepresentative: '李四', registeredAddress: '海府路8号', registeredCapital: '2000', establishedOn: '2015-03-01' }
const qualificationForm = { category: '建筑工程施工总承包', grade: '一级', certificateNumber: 'D146000777', issuedBy: '海南省住房和城乡建设厅', issuedOn: '2024-01-01', validUntil: '2029-01-01' }
const registrationForm = { type: 'CONSTRUCTOR_2', number: '琼246202600777', specialty: '市政公用工程', issuedOn: '2024-01-01', validUntil: '2027-01-01' }
const strings = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]))
// an update form names its record by id; the project is the record's
const withoutProjectCode = ({ projectCode: _p, ...fields }: Record<string, unknown>) => fields

// typed as the use cases' inputs where they declare them; the fuzzing feeds them what a form can send
const any = (input: FormInput) => input as never

const CASES: Record<string, StaffCase> = {
  createAccount: { actor: 'admin', form: (w) => ({ username: 'fuzz.user', displayName: '模糊测试', role: 'REGION_OFFICER', authorityId: w.authorities.haikou }), call: (db, a, i) => createAccount(db, a, any(i), NOW), runs: 6 },
  endAccountSessions: { actor: 'admin', ids: (w) => ({ userId: w.actors.reviewer.userId }), call: (db, a, _i, ids) => endAccountSessions(db, a, ids.userId, NOW) },
  setAccountActive: { actor: 'admin', ids: (w) => ({ userId: w.actors.reviewer.userId }), call: (db, a, _i, ids) => setAccountActive(db, a, ids.userId, ids.userId.length % 2 === 0, NOW) },
  resetAccountPassword: { actor: 'admin', form: (w) => ({ userId: w.actors.reviewer.userId, resetTotp: 'on' }), call: (db, a, i) => resetAccountPassword(db, a, resetPasswordSchema.parse(i), NOW), runs: 6 },
  createApiToken: { actor: 'admin', form: (w) => ({ name: '模糊测试令牌', authorityId: w.authorities.haikou, scopes: 'write-subjects', expiresOn: '2027-01-31' }), call: (db, a, i) => createApiToken(db, a, any(i), NOW) },
  revokeApiToken: { actor: 'admin', ids: (w) => ({ tokenId: w.tokenId }), call: (db, a, _i, ids) => revokeApiToken(db, a, ids.tokenId, NOW) },
  listAuditEntries: { actor: 'auditor', read: true, form: () => ({ action: 'record.create', entity: 'IntegrityRecord', entityId: '', user: 'hk-officer', from: '2026-01-01', to: '2026-12-31', after: '' }), call: (db, a, i) => listAuditEntries(db, a, auditQuerySchema.parse(i)) },
  exportAuditEntries: {
    actor: 'auditor',
    read: true,
    form: () => ({ action: '', entity: 'Project', entityId: '', user: '', from: '', to: '', after: '' }),
    call: async (db, a, i) => {
      for await (const _batch of exportAuditEntries(db, a, auditQuerySchema.parse(i), 50));
    },
  },
  createEnterprise: { actor: 'haikouOfficer', form: () => enterpriseForm, call: (db, a, i) => createEnterprise(db, a, i, NOW) },
  updateEnterprise: { actor: 'haikouOfficer', form: () => ({ ...enterpriseForm, uscc: USCC.contractor, name: '海南建工集团有限公司' }), ids: (w) => ({ enterpriseId: w.contractorId }), call: (db, a, i, ids) => updateEnterprise(db, a, ids.enterpriseId, i, NOW) },
  addQualification: { actor: 'haikouOfficer', form: () => qualificationForm, ids: (w) => ({ enterpriseId: w.contractorId }), call: (db, a, i, ids) => addQualification(db, a, ids.enterpriseId, i, NOW) },
  updateQualification: { actor: 'haikouOfficer', form: () => ({ ...qualificationForm, certificateNumber: 'D146000001' }), ids: (w) => ({ qualificationId: w.qualificationId }), call: (db, a, i, ids) => updateQualification(db, a, ids.qualificationId, i, NOW) },
  getStaffEnterprise: { actor: 'haikouOfficer', read: true, ids: (w) => ({ enterpriseId: w.contractorId }), call: (db, a, _i, ids) => getStaffEnterprise(db, a, ids.enterpriseId) },
  listStaffEnterprises: { actor: 'haikouOfficer', read: true, ids: () => ({ q: '建工' }), call: (db, a, _i, ids) => listStaffEnterprises(db, a, listQuery(ids.q)) },
  createPractitioner: { actor: 'haikouOfficer', form: () => ({ idNumber: '46010019900101901X', name: '模糊测试', gender: '男', phone: '13907560000', employerUscc: USCC.contractor }), call: (db, a, i) => createPractitioner(db, a, i, NOW) },
  updatePractitioner: { actor: 'haikouOfficer', form: () => ({ name: '李建国', gender: '男', phone: '', employerUscc: USCC.contractor }), ids: (w) => ({ personId: w.people.manager }), call: (db, a, i, ids) => updatePractitioner(db, a, ids.personId, i, NOW) },
  addRegistration: { actor: 'haikouOfficer', form: () => registrationForm, ids: (w) => ({ personId: w.people.manager }), call: (db, a, i, ids) => addRegistration(db, a, ids.personId, i, NOW) },
  updateRegistration: { actor: 'haikouOfficer', form: () => ({ ...registrationForm, type: 'CONSTRUCTOR_1', number: '琼146000001', specialty: '建筑工程' }), ids: (w) => ({ registrationId: w.registrationId }), call: (db, a, i, ids) => updateRegistration(db, a, ids.registrationId, i, NOW) },
  getStaffPractitioner: { actor: 'haikouOfficer', read: true, ids: (w) => ({ personId: w.people.manager }), call: (db, a, _i, ids) => getStaffPractitioner(db, a, ids.personId) },
  listStaffPractitioners: { actor: 'haikouOfficer', read: true, ids: () => ({ q: '李' }), call: (db, a, _i, ids) => listStaffPractitioners(db, a, listQuery(ids.q)) },
  revealPersonalData: { actor: 'haikouOfficer', ids: (w) => ({ personId: w.people.manager }), call: (db, a, _i, ids) => revealPersonalData(db, a, ids.personId, NOW) },
  registerProject: { actor: 'haikouOfficer', form: () => strings(projectInput()), call: (db, a, i) => registerProject(db, a, any(i), NOW) },
  fileContract: { actor: 'haikouOfficer', form: (w) => strings(stageInputs(w.early.projectCode, w).contractDesign), call: (db, a, i) => fileContract(db, a, any(i), NOW) },
  updateContract: { actor: 'haikouOfficer', form: (w) => ({ ...strings(withoutProjectCode(stageInputs(w.early.projectCode, w).contractBuild)), id: w.early.contractId }), call: (db, a, i) => updateContract(db, a, any(i), NOW) },
  recordDrawingReview: { actor: 'haikouOfficer', form: (w) => strings(stageInputs(w.early.projectCode, w).review), call: (db, a, i) => recordDrawingReview(db, a, any(i), NOW) },
  updateDrawingReview: { actor: 'haikouOfficer', form: (w) => ({ ...strings(withoutProjectCode(stageInputs(w.early.projectCode, w).review)), id: w.early.reviewId }), call: (db, a, i) => updateDrawingReview(db, a, any(i), NOW) },
  fileSupervision: { actor: 'haikouOfficer', form: (w) => strings(stageInputs(w.early.projectCode, w).supervision), call: (db, a, i) => fileSupervision(db, a, any(i), NOW) },
  updateSupervision: { actor: 'haikouOfficer', form: (w) => ({ ...strings(withoutProjectCode(stageInputs(w.early.projectCode, w).supervision)), id: w.early.supervisionId }), call: (db, a, i) => updateSupervision(db, a, any(i), NOW) },
  issuePermit: { actor: 'haikouOfficer', form: (w) => strings(stageInputs(w.early.projectCode, w).permit), call: (db, a, i) => issuePermit(db, a, RING, any(i), NOW) },
  fileCompletion: { actor: 'haikouOfficer', form: (w) => strings(stageInputs(w.issued.projectCode, w).completion), call: (db, a, i) => fileCompletion(db, a, RING, any(i), NOW) },
  correctPermit: {
    actor: 'haikouOfficer',
    form: (w) => {
      const { projectCode: _p, ...permit } = stageInputs(w.issued.projectCode, w).permit
      return { ...strings(permit), permitId: w.issued.permitId, projectManagerId: w.people.secondManager, reason: '项目经理变更' }
    },
    call: (db, a, i) => correctPermit(db, a, RING, any(i), NOW),
  },
  correctCompletionFiling: { actor: 'haikouOfficer', form: (w) => ({ completionFilingId: w.issued.completionFilingId, acceptedOn: '2026-07-01', actualCost: '9200', actualArea: '32100', reason: '实际造价录入有误' }), call: (db, a, i) => correctCompletionFiling(db, a, RING, any(i), NOW) },
  revokeProjectCertificate: { actor: 'haikouOfficer', form: (w) => ({ serial: w.issued.serial, reason: '违法分包' }), call: (db, a, i) => revokeProjectCertificate(db, a, any(i), NOW) },
  reissueProjectCertificate: { actor: 'haikouOfficer', form: (w) => ({ serial: w.issued.serial, reason: '证书污损' }), call: (db, a, i) => reissueProjectCertificate(db, a, RING, any(i), NOW) },
  getStaffProject: { actor: 'haikouOfficer', read: true, ids: (w) => ({ projectCode: w.issued.projectCode }), call: (db, a, _i, ids) => getStaffProject(db, a, ids.projectCode) },
  listStaffProjects: { actor: 'haikouOfficer', read: true, form: () => ({ q: '中学', stage: 'CONSTRUCTION_PERMIT', page: '1' }), call: (db, a, i) => listStaffProjects(db, a, adminProjectQuerySchema.parse(i)) },
  lookupEnterprises: { actor: 'haikouOfficer', read: true, ids: () => ({ q: '建工', type: 'CONTRACTOR' }), call: (db, a, _i, ids) => lookupEnterprises(db, a, ids.q, ids.type) },
  lookupRegisteredPractitioners: { actor: 'haikouOfficer', read: true, ids: () => ({ uscc: USCC.contractor }), call: (db, a, _i, ids) => lookupRegisteredPractitioners(db, a, ids.uscc.slice(0, 18), 'manager', NOW) },
  recordIntegrity: { actor: 'haikouOfficer', form: () => badRecord(USCC.contractor), call: (db, a, i) => recordIntegrity(db, a, i, NOW) },
  correctRecord: {
    actor: 'haikouOfficer',
    form: () => {
      const { subjectCode: _s, ...fields } = badRecord('')
      return { ...fields, decisionNumber: '琼建罚〔2026〕102号', reason: '文号录入有误' }
    },
    ids: (w) => ({ recordId: w.recordId }),
    call: (db, a, i, ids) => correctRecord(db, a, ids.recordId, i, NOW),
  },
  withdrawRecord: { actor: 'haikouOfficer', form: () => ({ reason: '记录主体有误' }), ids: (w) => ({ recordId: w.recordId }), call: (db, a, i, ids) => withdrawRecord(db, a, ids.recordId, i, NOW) },
  getStaffRecord: { actor: 'haikouOfficer', read: true, ids: (w) => ({ recordId: w.recordId }), call: (db, a, _i, ids) => getStaffRecord(db, a, ids.recordId) },
  listStaffRecords: { actor: 'haikouOfficer', read: true, ids: () => ({ q: '质量' }), call: (db, a, _i, ids) => listStaffRecords(db, a, listQuery(ids.q)) },
  openObjection: { actor: 'reviewer', ids: (w) => ({ trackingNumber: w.trackingNumber }), call: (db, a, _i, ids) => openObjection(db, a, ids.trackingNumber, NOW) },
  acceptObjection: { actor: 'reviewer', form: () => ({ resolution: 'WITHDRAW', note: '经核实记录有误' }), ids: (w) => ({ trackingNumber: w.trackingNumber }), call: (db, a, i, ids) => acceptObjection(db, a, ids.trackingNumber, i, NOW) },
  rejectObjection: { actor: 'reviewer', form: () => ({ reason: '记录事实清楚，证据充分' }), ids: (w) => ({ trackingNumber: w.trackingNumber }), call: (db, a, i, ids) => rejectObjection(db, a, ids.trackingNumber, i, NOW) },
  revealContactPhone: { actor: 'reviewer', ids: (w) => ({ trackingNumber: w.trackingNumber }), call: (db, a, _i, ids) => revealContactPhone(db, a, ids.trackingNumber, NOW) },
  getObjectionForReview: { actor: 'reviewer', read: true, ids: (w) => ({ trackingNumber: w.trackingNumber }), call: (db, a, _i, ids) => getObjectionForReview(db, a, ids.trackingNumber, { answerDays: 15 }) },
  getImportJob: { actor: 'haikouOfficer', read: true, ids: (w) => ({ id: w.importJobId }), call: (db, a, _i, ids) => getImportJob(db, a, ids.id, 200, NOW) },
  exportImportProblems: {
    actor: 'haikouOfficer',
    read: true,
    ids: (w) => ({ id: w.importJobId }),
    call: async (db, a, _i, ids) => {
      const { batches } = await exportImportProblems(db, a, ids.id)
      for await (const _batch of batches);
    },
  },
}

/** Use cases taking (db, actor, …) that are not fuzzed here, and why. */
const NOT_FUZZED: Record<string, string> = {
  listAccounts: 'takes no input but the actor',
  listAuthorities: 'takes no input but the actor',
  listApiTokens: 'takes no input but the actor',
  listAuditFilterChoices: 'takes no input but the actor',
  verifyAuditLog: 'takes no input but the actor (the expected head comes from the server)',
  getOfficerDashboard: 'takes no input but the actor',
  getProvinceTable: 'takes no input but the actor (the lag rule is a server setting)',
  listImportJobs: 'takes no input but the actor',
  listObjectionQueue: 'takes no input but the actor (the answer days are a server setting)',
  decideObjection: 'internal: acceptObjection and rejectObjection (fuzzed) parse the form and call it',
  requestImportCommit: 'takes a job id only; fuzzing the bulk import needs uploaded files (web/server/import has its own tests)',
  uploadImportFile: 'a file upload, not a form: not fuzzed yet',
  changeOwnPassword: 'needs a signed-in session and argon2 per attempt: not fuzzed yet',
  importPass: 'test fixture (web/server/projects/testing)',
  importPasses: 'test fixture (web/server/projects/testing)',
}

/** Every exported function of web/server (outside tests and fixtures) whose parameters start (db: Db, actor: Actor. */
function actorUseCases(): string[] {
  const names: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(rel)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(path.join(ROOT, rel), 'utf8')
        for (const m of text.matchAll(/export (?:async )?function (\w+)\(\s*db: Db,\s*actor: Actor\b/g)) names.push(m[1])
      }
    }
  }
  walk('web/server')
  return names.sort()
}

describe('the fuzzed staff use cases', () => {
  it('are every use case taking (db, actor) but those named with a reason', () => {
    const found = actorUseCases()
    expect(found.length).toBeGreaterThan(40)
    expect(found.filter((name) => !(name in CASES) && !(name in NOT_FUZZED))).toEqual([])
    // and neither list names something that no longer exists
    expect([...Object.keys(CASES), ...Object.keys(NOT_FUZZED)].filter((name) => !found.includes(name))).toEqual([])
  })
})

// Hostile strings include NUL and the other control characters (hostile.ts): PostgreSQL cannot bind
// a NUL, so one reaching a query would fail with 22021 rather than refuse. Ids and keys holding one
// name no row (web/server/lib/database-text.ts), form fields are refused with the field's message
// (shared/validators/text.ts).

/**
 * Form input as staffAction builds it from FormData: every value a string, a repeated field an
 * array of strings; built by plain assignment, as there (so a `__proto__` field behaves as it would).
 */
function formInput(plausible: Record<string, string>): fc.Arbitrary<FormInput> {
  const keys = Object.keys(plausible)
  const value = (real: string) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant({ set: real }) },
      { weight: 4, arbitrary: mutatedString(real).map((s) => ({ set: s })) },
      { weight: 1, arbitrary: fc.constant({ set: '' }) },
      { weight: 1, arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }).map((list) => ({ set: list })) },
      { weight: 1, arbitrary: fc.constant({ drop: true }) },
    )
  return fc
    .record({
      fields: fc.tuple(...keys.map((k) => value(plausible[k]))),
      extra: fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), fc.oneof(hostileString, fc.array(hostileString, { minLength: 2, maxLength: 2 }))), { maxLength: 2 }),
    })
    .map(({ fields, extra }) => {
      const input: FormInput = {}
      keys.forEach((key, i) => {
        const f = fields[i]
        if ('set' in f) input[key] = f.set
      })
      for (const [key, v] of extra) input[key] = v
      return input
    })
}

const ids = (plausible: Record<string, string>): fc.Arbitrary<Record<string, string>> =>
  fc.record(Object.fromEntries(Object.entries(plausible).map(([k, real]) => [k, fc.oneof({ weight: 2, arbitrary: fc.constant(real) }, { weight: 3, arbitrary: mutatedString(real) }, { weight: 1, arbitrary: longString })])))

/** As the list pages read ?q= (web/components/admin/subjects/list-parts.tsx): trimmed; the use case bounds it. */
const listQuery = (q: string) => ({ q: q.trim() || undefined, page: 1 })

// A ZodError counts: the form wrapper (web/lib/staff/staff-action.ts refusalState) and the pages that
// parse a query show it as field messages; the use cases that throw one parse with .parse().
const isRefusal = (error: unknown) => error instanceof InputError || error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ConflictError || error instanceof ZodError

const providers = await testProviders()

describe.each(providers)('staff use case fuzzing on %s', (provider) => {
  let t: TestDatabase
  let w: World

  beforeAll(async () => {
    t = await createTestDatabase(provider)
    const db = t.db
    const world = await createProjectWorld(db)
    const officer = world.actors.haikouOfficer
    const contractorId = (await db.enterprise.findUniqueOrThrow({ where: { uscc: USCC.contractor } })).id
    // a project carried through all five stages, and one through the first three
    const issuedCode = (await registerProject(db, officer, projectInput(), SETUP)).projectCode
    const s1 = stageInputs(issuedCode, world)
    for (const contract of [s1.contractDesign, s1.contractBuild, s1.contractSupervise]) await fileContract(db, officer, contract, SETUP)
    await recordDrawingReview(db, officer, s1.review, SETUP)
    await fileSupervision(db, officer, s1.supervision, SETUP)
    const permit = await issuePermit(db, officer, RING, s1.permit, SETUP)
    await fileCompletion(db, officer, RING, s1.completion, NOW)
    const earlyCode = (await registerProject(db, officer, projectInput(), SETUP)).projectCode
    const s2 = stageInputs(earlyCode, world)
    for (const contract of [s2.contractDesign, s2.contractBuild]) await fileContract(db, officer, contract, SETUP)
    await recordDrawingReview(db, officer, s2.review, SETUP)
    await fileSupervision(db, officer, s2.supervision, SETUP)

    const qualificationId = (await addQualification(db, officer, contractorId, { ...qualificationForm, certificateNumber: 'D146000001' }, NOW)).id
    const recordId = (await recordIntegrity(db, officer, badRecord(USCC.contractor), NOW)).id
    const trackingNumber = await submitObjection(db, { recordId, kind: 'OBJECTION', applicantName: '海南建工集团有限公司', contactPhone: '13800138000', reasons: '记录的文号有误，请核实更正。', email: null, rectification: null }, { now: NOW })
    const token = await createApiToken(db, world.actors.admin, { name: '模糊测试', authorityId: world.authorities.haikou, scopes: ['write-subjects'], expiresOn: '2027-06-30' }, NOW)
    const job = await db.importJob.create({
      data: { kind: 'enterprises', fileName: '企业.csv', format: 'csv', fileSize: 1, fileSha256: '0'.repeat(64), status: 'FAILED', createdById: officer.userId, createdAt: NOW, error: '模糊测试' },
    })
    w = {
      ...world,
      contractorId,
      qualificationId,
      registrationId: (await db.registration.findFirstOrThrow({ where: { personId: world.people.manager } })).id,
      recordId,
      trackingNumber,
      issued: {
        projectCode: issuedCode,
        permitId: (await db.constructionPermit.findFirstOrThrow({ where: { permitNumber: permit.permitNumber } })).id,
        completionFilingId: (await db.completionFiling.findFirstOrThrow({ where: { project: { projectCode: issuedCode } } })).id,
        serial: permit.serial,
      },
      early: {
        projectCode: earlyCode,
        contractId: (await db.contractFiling.findFirstOrThrow({ where: { project: { projectCode: earlyCode }, partyRole: 'CONTRACTOR' } })).id,
        reviewId: (await db.drawingReview.findFirstOrThrow({ where: { project: { projectCode: earlyCode } } })).id,
        supervisionId: (await db.supervisionFiling.findFirstOrThrow({ where: { project: { projectCode: earlyCode } } })).id,
      },
      importJobId: job.id,
      tokenId: token.tokenId,
    }
  })
  afterAll(async () => t?.drop())

  // Not left to the fuzzer's luck: every field of every form, and every id, holding a NUL (what
  // PostgreSQL cannot bind) with the other values plausible is refused naming that field (an id:
  // "not found"), and nothing is written.
  it.each(Object.keys(CASES))('%s: a NUL in any one field or id is refused naming it, and nothing is written', async (name) => {
    const c = CASES[name]
    const actor = w.actors[c.actor]
    const form = c.form?.(w) ?? {}
    const idValues = c.ids?.(w) ?? {}
    const variants = [
      ...Object.keys(form).map((key) => ({ key, kind: 'field' as const, form: { ...form, [key]: `${form[key]}\u0000` }, ids: idValues })),
      ...Object.keys(idValues).map((key) => ({ key, kind: 'id' as const, form, ids: { ...idValues, [key]: `\u0000${idValues[key]}` } })),
    ]
    for (const v of variants) {
      const counts = await allTableCounts(t.db)
      const outcome = await Promise.resolve()
        .then(() => c.call(t.db, actor, v.form, v.ids))
        .then(
          () => null,
          (error: unknown) => error,
        )
      const where = `${name} with a NUL in ${v.kind} ${v.key}`
      if (outcome === null) {
        // a read may answer nothing for a filter that matches nothing (the pickers' type, the USCC)
        if (c.read) continue
        throw new Error(`${where} succeeded`)
      }
      if (!isRefusal(outcome)) throw new Error(`${where} threw what no form can show: ${outcome instanceof Error ? outcome.message : String(outcome)}`)
      if (v.kind === 'field') {
        const named = outcome instanceof ZodError ? outcome.issues.map((i) => String(i.path[0])) : outcome instanceof InputError ? Object.keys(outcome.fields) : []
        expect(named, `${where}: ${(outcome as Error).message}`).toContain(v.key)
      } else if (!(outcome instanceof InputError && Object.keys(outcome.fields).includes(v.key))) {
        expect(outcome, where).toBeInstanceOf(NotFoundError)
      }
      expect(changedTables(counts, await allTableCounts(t.db)), where).toEqual({})
    }
  })

  it.each(Object.keys(CASES))('%s: succeeds or refuses with a form message, and a refusal writes nothing', async (name) => {
    const c = CASES[name]
    const actor = w.actors[c.actor]
    const input = c.form ? formInput(c.form(w)) : fc.constant({})
    const given = c.ids ? ids(c.ids(w)) : fc.constant({})
    const before = c.read ? await allTableCounts(t.db) : undefined
    await fc.assert(
      fc.asyncProperty(input, given, async (form, idValues) => {
        const counts = c.read ? undefined : await allTableCounts(t.db)
        // a call that parses synchronously (the page's schema) throws before it returns a promise
        const outcome = await Promise.resolve()
          .then(() => c.call(t.db, actor, form, idValues))
          .then(
          () => null,
          (error: unknown) => error,
        )
        if (outcome === null) return
        if (!isRefusal(outcome)) throw new Error(`${name} threw what no form can show: ${outcome instanceof Error ? (outcome.stack ?? outcome.message).slice(0, 1_500) : String(outcome)}`)
        if (counts) {
          const written = changedTables(counts, await allTableCounts(t.db))
          if (Object.keys(written).length) throw new Error(`${name} refused (${(outcome as Error).message}) yet wrote ${JSON.stringify(written)}`)
        }
      }),
      fuzzParameters(c.runs ?? RUNS),
    )
    if (before) expect(changedTables(before, await allTableCounts(t.db))).toEqual({})
  })
})
