// Import files of the project database and the five stages. Fields are those of the staff forms
// (shared/staff-forms/projects.ts). Historical data keeps what the forms would assign: a project its
// code, a permit its number and issue date, a completion filing its number and filing date — those
// are columns here, checked with the same code validators that generate them.
import { z } from 'zod'
import {
  fileCompletionSchema,
  fileContractSchema,
  fileSupervisionSchema,
  issuePermitSchema,
  recordDrawingReviewSchema,
  registerProjectSchema,
} from '../staff-forms/projects'
import { isoDay } from '../staff-forms/subjects'
import {
  completionFilingNumberSchema,
  parseCompletionFilingNumber,
  parsePermitNumber,
  permitNumberSchema,
  practiceRegistrationNumberSchema,
  projectCodeSchema,
} from '../validators/codes'
import { CONTRACT_PARTY_TABLE, DRAWING_REVIEW_RESULT_TABLE, HAINAN_REGION_TABLE, PROJECT_CATEGORY_TABLE } from './code-tables'
import type { ImportKindSpec } from './column-spec'
import { EXAMPLE_USCC, projectCodeColumn, TEXT_FORMAT_HINT, usccColumn } from './common-columns'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

export const PROJECTS: ImportKindSpec = {
  id: 'projects',
  label: '项目',
  sheetName: '项目',
  naturalKey: ['projectCode'],
  formSchema: registerProjectSchema,
  extraSchema: z.object({ projectCode: projectCodeSchema }),
  columns: [
    projectCodeColumn('历史项目填写已有的编码；项目库中已有该编码的项目时，各列须与已登记的一致（已登记项目的信息不能通过导入修改）'),
    { field: 'name', header: '项目名称', required: true, kind: 'text', description: '4至100个字', example: '海口市龙华区滨海花园二期住宅工程' },
    { field: 'address', header: '项目地址', required: true, kind: 'text', description: '4至200个字', example: '海口市龙华区滨海大道与金贸路交叉口东北侧' },
    {
      field: 'regionCode',
      header: '所在地区',
      required: true,
      kind: 'code',
      codeTable: HAINAN_REGION_TABLE,
      description: '项目所在市县或园区：6位行政区划代码或名称（见“代码表”）',
      example: '460100',
    },
    { field: 'category', header: '工程类别', required: true, kind: 'enum', codeTable: PROJECT_CATEGORY_TABLE, description: '房屋建筑工程或市政基础设施工程', example: '房屋建筑工程' },
    { field: 'floorArea', header: '建筑面积（平方米）', required: false, kind: 'amount', unit: '平方米', description: '最多两位小数；市政工程可不填', example: '86500.5' },
    { field: 'investment', header: '总投资（万元）', required: true, kind: 'amount', unit: '万元', description: '最多两位小数', example: '32000' },
    usccColumn('ownerUscc', '建设单位统一社会信用代码', '建设单位', EXAMPLE_USCC.owner),
  ],
}

export const CONTRACT_FILINGS: ImportKindSpec = {
  id: 'contract-filings',
  label: '合同备案',
  sheetName: '合同备案',
  naturalKey: ['projectCode', 'partyRole', 'partyUscc', 'signedOn'],
  formSchema: fileContractSchema,
  extraSchema: null,
  columns: [
    projectCodeColumn('项目须已在项目库中'),
    { field: 'partyRole', header: '合同类型', required: true, kind: 'enum', codeTable: CONTRACT_PARTY_TABLE, description: '勘察、设计、施工或监理', example: '施工' },
    usccColumn('partyUscc', '承接单位统一社会信用代码', '承接合同的勘察、设计、施工或监理单位', EXAMPLE_USCC.contractor),
    { field: 'contractPrice', header: '合同价格（万元）', required: true, kind: 'amount', unit: '万元', description: '最多两位小数', example: '28500' },
    { field: 'signedOn', header: '合同签订日期', required: true, kind: 'date', description: '同一项目、合同类型、承接单位和签订日期的合同视为同一份，再次导入不会重复备案', example: '2024-03-20' },
    { field: 'filedOn', header: '备案日期', required: true, kind: 'date', description: '不能早于合同签订日期', example: '2024-03-25' },
  ],
}

export const DRAWING_REVIEWS: ImportKindSpec = {
  id: 'drawing-reviews',
  label: '施工图审查',
  sheetName: '施工图审查',
  naturalKey: ['certificateNumber'],
  formSchema: recordDrawingReviewSchema,
  extraSchema: null,
  columns: [
    projectCodeColumn('项目须已在项目库中'),
    {
      field: 'certificateNumber',
      header: '审查合格书编号',
      required: true,
      kind: 'code',
      description: '6至32位字母、数字或连字符；已有该编号的审查记录时，导入将更新其信息',
      example: 'HNSC2024040201',
    },
    { field: 'reviewAgency', header: '审图机构', required: true, kind: 'text', description: '施工图审查机构名称', example: '海南省建设工程施工图审查中心' },
    { field: 'result', header: '审查结论', required: true, kind: 'enum', codeTable: DRAWING_REVIEW_RESULT_TABLE, description: '审查合格书上的结论', example: '合格' },
    { field: 'issueCount', header: '审查发现问题数', required: true, kind: 'integer', description: '审查中发现并已整改的问题数，没有则填 0', example: '12' },
    { field: 'passedOn', header: '审查通过日期', required: true, kind: 'date', description: '审查合格书上的日期', example: '2024-04-02' },
  ],
}

export const SUPERVISION_FILINGS: ImportKindSpec = {
  id: 'supervision-filings',
  label: '质量安全报监',
  sheetName: '质量安全报监',
  naturalKey: ['projectCode', 'filedOn'],
  formSchema: fileSupervisionSchema,
  extraSchema: null,
  columns: [
    projectCodeColumn('项目须已在项目库中'),
    { field: 'supervisionStation', header: '质量安全监督机构', required: true, kind: 'text', description: '受理报监的监督机构名称', example: '海口市建设工程质量安全监督站' },
    { field: 'filedOn', header: '报监日期', required: true, kind: 'date', description: '同一项目同一报监日期的记录视为同一条，再次导入不会重复报监', example: '2024-04-10' },
  ],
}

const optionalRegistrationNumber = z.preprocess((v) => (v === '' || v === null ? undefined : v), practiceRegistrationNumberSchema.optional())

export const CONSTRUCTION_PERMITS: ImportKindSpec = {
  id: 'construction-permits',
  label: '施工许可',
  sheetName: '施工许可',
  naturalKey: ['permitNumber'],
  formSchema: issuePermitSchema,
  // The form picks the 项目经理 and 总监理工程师 from the enterprise's registered people (a Person id);
  // a file names them by their practising registration number, which the use case looks up.
  formFieldColumns: { projectManagerId: 'projectManagerRegistrationNumber', chiefSupervisorId: 'chiefSupervisorRegistrationNumber' },
  extraSchema: z
    .object({
      permitNumber: permitNumberSchema,
      issuedOn: isoDay('发证日期'),
      projectManagerRegistrationNumber: practiceRegistrationNumberSchema,
      chiefSupervisorRegistrationNumber: optionalRegistrationNumber,
    })
    .superRefine((v, ctx) => {
      // the national layout embeds the issue date: a number and a date that disagree is a typo in one of them
      const parsed = parsePermitNumber(v.permitNumber)
      if (parsed && parsed.date !== v.issuedOn) {
        ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: `发证日期应与施工许可证编号中的日期（${parsed.date}）一致` })
      }
    }),
  columns: [
    {
      field: 'permitNumber',
      header: '施工许可证编号',
      required: true,
      kind: 'code',
      description: `18位编号（行政区划6位+发证日期8位+流水号2位+工程类别2位），历史许可证填写原编号；已有该编号的有效许可证时，导入将更正其信息并换发证书。${TEXT_FORMAT_HINT}`,
      example: '460100202405080101',
    },
    { field: 'issuedOn', header: '发证日期', required: true, kind: 'date', description: '许可证上的发证日期，应与编号中的日期一致', example: '2024-05-08' },
    projectCodeColumn('项目须已在项目库中，且已办理合同备案、施工图审查和质量安全报监'),
    { field: 'scale', header: '建设规模', required: true, kind: 'text', description: '按许可证填写，如 地上18层 地下2层', example: '地上18层 地下2层' },
    { field: 'floorArea', header: '建筑面积（平方米）', required: false, kind: 'amount', unit: '平方米', description: '最多两位小数；市政工程可不填', example: '86500.5' },
    { field: 'contractPrice', header: '合同价格（万元）', required: true, kind: 'amount', unit: '万元', description: '施工合同价格，最多两位小数', example: '28500' },
    { field: 'plannedStartOn', header: '计划开工日期', required: true, kind: 'date', description: '合同工期的开始日期', example: '2024-05-20' },
    { field: 'plannedEndOn', header: '计划竣工日期', required: true, kind: 'date', description: '不能早于计划开工日期', example: '2026-05-19' },
    usccColumn('contractorUscc', '施工单位统一社会信用代码', '已备案施工合同的施工单位', EXAMPLE_USCC.contractor),
    usccColumn('supervisorUscc', '监理单位统一社会信用代码', '已备案监理合同的监理单位', EXAMPLE_USCC.supervisor, false),
    {
      field: 'projectManagerRegistrationNumber',
      header: '项目经理执业注册编号',
      required: true,
      kind: 'code',
      description: '项目经理的注册建造师执业注册编号，须注册在施工单位',
      example: '琼146202400123',
    },
    {
      field: 'chiefSupervisorRegistrationNumber',
      header: '总监理工程师执业注册编号',
      required: false,
      kind: 'code',
      description: '总监理工程师的注册监理工程师执业注册编号，须注册在监理单位；填写了监理单位时必填',
      example: '琼246202300456',
    },
  ],
}

export const COMPLETION_FILINGS: ImportKindSpec = {
  id: 'completion-filings',
  label: '竣工验收备案',
  sheetName: '竣工验收备案',
  naturalKey: ['filingNumber'],
  formSchema: fileCompletionSchema,
  extraSchema: z
    .object({ filingNumber: completionFilingNumberSchema, filedOn: isoDay('备案日期'), acceptedOn: z.string() })
    .superRefine((v, ctx) => {
      const parsed = parseCompletionFilingNumber(v.filingNumber)
      if (parsed && parsed.date !== v.filedOn) {
        ctx.addIssue({ code: 'custom', path: ['filedOn'], message: `备案日期应与竣工验收备案编号中的日期（${parsed.date}）一致` })
      }
      if (ISO_DAY.test(v.acceptedOn) && v.acceptedOn > v.filedOn) {
        ctx.addIssue({ code: 'custom', path: ['filedOn'], message: '备案日期不能早于竣工验收日期' })
      }
    }),
  columns: [
    {
      field: 'filingNumber',
      header: '竣工验收备案编号',
      required: true,
      kind: 'code',
      description: 'JB加18位数字（行政区划6位+备案日期8位+流水号2位+工程类别2位），历史备案填写原编号；已有该编号的有效备案时，导入将更正其信息并换发证书',
      example: 'JB460100202606300101',
    },
    { field: 'filedOn', header: '备案日期', required: true, kind: 'date', description: '备案证明上的日期，应与编号中的日期一致', example: '2026-06-30' },
    projectCodeColumn('项目须已在项目库中，且已取得施工许可'),
    { field: 'acceptedOn', header: '竣工验收日期', required: true, kind: 'date', description: '竣工验收的日期，不能晚于备案日期', example: '2026-06-18' },
    { field: 'actualCost', header: '实际造价（万元）', required: true, kind: 'amount', unit: '万元', description: '最多两位小数', example: '29120.75' },
    { field: 'actualArea', header: '实际建筑面积（平方米）', required: false, kind: 'amount', unit: '平方米', description: '最多两位小数；市政工程可不填', example: '86620' },
  ],
}
