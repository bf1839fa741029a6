// The code tables of the import columns, built from the label tables the forms and pages already
// use, so that a label renamed there is renamed in the template and in what the import accepts.
import { GENDERS } from '../staff-forms/subjects'
import { CONTRACT_PARTY_LABELS, CONTRACT_PARTY_ROLES, DRAWING_REVIEW_RESULTS } from '../staff-forms/projects'
import {
  ENTERPRISE_TYPE_LABELS,
  PARTICIPANT_ROLE_LABELS,
  PROJECT_CATEGORY_LABELS,
  RECORD_KIND_LABELS,
  REGISTRATION_TYPE_LABELS,
} from '../domain/enums'
import { HAINAN_REGIONS } from '../regions/hainan'
import { CURRENT_STANDARD } from '../scoring/standards'
import type { CodeTable } from './column-spec'

/** A table from a label map (value → label), in the map's order. */
export function codeTableOf<V extends string>(
  name: string,
  labels: Readonly<Record<V, string>>,
  aliases: Partial<Record<V, readonly string[]>> = {},
): CodeTable {
  return {
    name,
    entries: (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value], ...(aliases[value] ? { aliases: aliases[value] } : {}) })),
  }
}

/** A table whose stored values are the labels themselves (性别, 审查结论). */
function labelsOnly(name: string, labels: readonly string[]): CodeTable {
  return { name, entries: labels.map((label) => ({ value: label, label })) }
}

export const ENTERPRISE_TYPE_TABLE = codeTableOf('企业类型', ENTERPRISE_TYPE_LABELS)

// A contract's role is often written as the party's role on the project (施工单位 for 施工).
export const CONTRACT_PARTY_TABLE = codeTableOf(
  '合同类型',
  CONTRACT_PARTY_LABELS,
  Object.fromEntries(CONTRACT_PARTY_ROLES.map((role) => [role, [PARTICIPANT_ROLE_LABELS[role]]])),
)

export const REGISTRATION_TYPE_TABLE = codeTableOf('注册类别', REGISTRATION_TYPE_LABELS)

export const PROJECT_CATEGORY_TABLE = codeTableOf('工程类别', PROJECT_CATEGORY_LABELS)

export const RECORD_KIND_TABLE = codeTableOf('记录性质', RECORD_KIND_LABELS, { GOOD: ['良好'], BAD: ['不良'] })

export const GENDER_TABLE = labelsOnly('性别', GENDERS)

export const DRAWING_REVIEW_RESULT_TABLE = labelsOnly('审查结论', DRAWING_REVIEW_RESULTS)

/** The record categories of the standard in force (the form accepts no other). */
export const RECORD_CATEGORY_TABLE: CodeTable = {
  name: '记录类别',
  entries: CURRENT_STANDARD.categories.map((c) => ({ value: c.code, label: c.label })),
}

/** Hainan's regions by name and short name; a column using it still accepts any 6-digit code. */
export const HAINAN_REGION_TABLE: CodeTable = {
  name: '行政区划',
  entries: HAINAN_REGIONS.map((r) => ({ value: r.code, label: r.name, aliases: r.shortName === r.name ? [] : [r.shortName] })),
}
