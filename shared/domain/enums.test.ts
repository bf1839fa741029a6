import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import * as enums from './enums'

// Each Prisma enum and the values tuple that must mirror it.
const MIRRORS: Record<string, { values: readonly string[]; labels: Record<string, string> }> = {
  EnterpriseType: { values: enums.ENTERPRISE_TYPES, labels: enums.ENTERPRISE_TYPE_LABELS },
  ParticipantRole: { values: enums.PARTICIPANT_ROLES, labels: enums.PARTICIPANT_ROLE_LABELS },
  ProjectCategory: { values: enums.PROJECT_CATEGORIES, labels: enums.PROJECT_CATEGORY_LABELS },
  RegionLevel: { values: enums.REGION_LEVELS, labels: enums.REGION_LEVEL_LABELS },
  StageStatus: { values: enums.STAGE_STATUSES, labels: enums.STAGE_STATUS_LABELS },
  CertificateType: { values: enums.CERTIFICATE_TYPES, labels: enums.CERTIFICATE_TYPE_LABELS },
  CertificateStatus: { values: enums.CERTIFICATE_STATUSES, labels: enums.CERTIFICATE_STATUS_LABELS },
  RecordKind: { values: enums.RECORD_KINDS, labels: enums.RECORD_KIND_LABELS },
  RecordStatus: { values: enums.RECORD_STATUSES, labels: enums.RECORD_STATUS_LABELS },
  SubjectType: { values: enums.SUBJECT_TYPES, labels: enums.SUBJECT_TYPE_LABELS },
  ObjectionKind: { values: enums.OBJECTION_KINDS, labels: enums.OBJECTION_KIND_LABELS },
  ObjectionStatus: { values: enums.OBJECTION_STATUSES, labels: enums.OBJECTION_STATUS_LABELS },
  KeyPersonRole: { values: enums.KEY_PERSON_ROLES, labels: enums.KEY_PERSON_ROLE_LABELS },
  RegistrationType: { values: enums.REGISTRATION_TYPES, labels: enums.REGISTRATION_TYPE_LABELS },
  StaffRole: { values: enums.STAFF_ROLES, labels: enums.STAFF_ROLE_LABELS },
  SessionStage: { values: enums.SESSION_STAGES, labels: enums.SESSION_STAGE_LABELS },
  ImportJobStatus: { values: enums.IMPORT_JOB_STATUSES, labels: enums.IMPORT_JOB_STATUS_LABELS },
  LogEvent: { values: enums.LOG_EVENTS, labels: enums.LOG_EVENT_LABELS },
}

/** enum name → values, read from the Prisma schema text. */
function prismaEnums(schema: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const m of schema.matchAll(/^enum\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const values = m[2]
      .split('\n')
      .map((line) => line.replace(/\/\/.*$/, '').trim())
      .filter(Boolean)
    out.set(m[1], values)
  }
  return out
}

describe('domain enums', () => {
  it('mirror the Prisma schema enums value for value', () => {
    const schema = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8')
    const prisma = prismaEnums(schema)
    expect([...prisma.keys()].sort()).toEqual(Object.keys(MIRRORS).sort())
    for (const [name, { values }] of Object.entries(MIRRORS)) {
      expect([...values].sort(), name).toEqual([...(prisma.get(name) ?? [])].sort())
    }
  })

  it('label every value in Chinese, with distinct labels within an enum', () => {
    for (const [name, { values, labels }] of Object.entries(MIRRORS)) {
      expect(Object.keys(labels).sort(), name).toEqual([...values].sort())
      for (const label of Object.values(labels)) expect(label).toMatch(/[\u4e00-\u9fff]/)
      expect(new Set(Object.values(labels)).size, name).toBe(values.length)
    }
    expect(enums.ENTERPRISE_TYPE_LABELS.CONTRACTOR).toBe('施工单位')
    expect(enums.REGISTRATION_TYPE_LABELS.SURVEY_ENGINEER).toBe('注册土木工程师(岩土)')
    expect(enums.CERTIFICATE_STATUS_LABELS.SUPERSEDED).toBe('已更换')
  })

  it('participant roles are enterprise types with the same labels', () => {
    for (const role of enums.PARTICIPANT_ROLES) {
      expect(enums.ENTERPRISE_TYPES).toContain(role)
      expect(enums.PARTICIPANT_ROLE_LABELS[role]).toBe(enums.ENTERPRISE_TYPE_LABELS[role])
    }
  })

  it('schemas accept the values and reject others with a Chinese message', () => {
    expect(enums.enterpriseTypeSchema.parse('QUALITY_TESTING')).toBe('QUALITY_TESTING')
    expect(enums.participantRoleSchema.safeParse('TENDER_AGENT').success).toBe(false)
    expect(enums.certificateStatusSchema.safeParse('valid').success).toBe(false)
    const r = enums.staffRoleSchema.safeParse('ROOT')
    expect(r.success ? '' : r.error.issues[0].message).toBe('人员角色无效')
  })
})
