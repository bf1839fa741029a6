// Import files of the enterprise and practitioner databases: enterprises, their qualifications,
// practitioners and their practising registrations. Fields are those of the staff forms
// (shared/staff-forms/subjects.ts); a qualification or a registration names its owner by the owner's
// key (USCC, ID number), which the form takes from the page it is on.
import { z } from 'zod'
import {
  enterpriseFormSchema,
  practitionerFormSchema,
  qualificationFormSchema,
  registrationFormSchema,
} from '../staff-forms/subjects'
import { idNumberSchema } from '../validators/id-number'
import { usccSchema } from '../validators/uscc'
import { ENTERPRISE_TYPE_TABLE, GENDER_TABLE, HAINAN_REGION_TABLE, REGISTRATION_TYPE_TABLE } from './code-tables'
import type { ImportKindSpec } from './column-spec'
import { EXAMPLE_USCC, idNumberColumn, usccColumn } from './common-columns'

export const ENTERPRISES: ImportKindSpec = {
  id: 'enterprises',
  label: '企业基本信息',
  sheetName: '企业基本信息',
  naturalKey: ['uscc'],
  formSchema: enterpriseFormSchema,
  extraSchema: null,
  columns: [
    {
      field: 'uscc',
      header: '统一社会信用代码',
      required: true,
      kind: 'code',
      description: '营业执照上的18位代码；企业库中已有该代码的企业时，导入将更新其信息',
      example: EXAMPLE_USCC.contractor,
    },
    { field: 'name', header: '企业名称', required: true, kind: 'text', description: '与营业执照一致，括号按执照原样（一般为全角“（）”）', example: '海南椰城建设工程有限公司' },
    { field: 'type', header: '企业类型', required: true, kind: 'enum', codeTable: ENTERPRISE_TYPE_TABLE, description: '企业的主要类型', example: '施工单位' },
    {
      field: 'regionCode',
      header: '所在地区',
      required: true,
      kind: 'code',
      codeTable: HAINAN_REGION_TABLE,
      description: '注册地的6位行政区划代码；省内企业也可填写市县名称（见“代码表”）',
      example: '海口市',
    },
    { field: 'legalRepresentative', header: '法定代表人', required: true, kind: 'text', description: '法定代表人姓名', example: '王海峰' },
    { field: 'registeredAddress', header: '注册地址', required: true, kind: 'text', description: '营业执照上的住所', example: '海南省海口市龙华区滨海大道100号' },
    { field: 'registeredCapital', header: '注册资本（万元）', required: true, kind: 'amount', unit: '万元', description: '以万元为单位，最多两位小数', example: '5,000' },
    { field: 'establishedOn', header: '成立日期', required: true, kind: 'date', description: '营业执照上的成立日期', example: '2015-06-18' },
  ],
}

export const QUALIFICATIONS: ImportKindSpec = {
  id: 'qualifications',
  label: '企业资质',
  sheetName: '企业资质',
  naturalKey: ['certificateNumber'],
  formSchema: qualificationFormSchema,
  extraSchema: z.object({ enterpriseUscc: usccSchema }),
  columns: [
    usccColumn('enterpriseUscc', '企业统一社会信用代码', '持有该资质的企业', EXAMPLE_USCC.contractor),
    { field: 'category', header: '资质类别', required: true, kind: 'text', description: '如 建筑工程施工总承包、市政公用工程施工总承包', example: '建筑工程施工总承包' },
    { field: 'grade', header: '资质等级', required: true, kind: 'text', description: '如 特级、一级、甲级', example: '一级' },
    {
      field: 'certificateNumber',
      header: '资质证书编号',
      required: true,
      kind: 'code',
      description: '资质证书上的编号；已有该编号的资质时，导入将更新其信息',
      example: 'D246012345',
    },
    { field: 'issuedBy', header: '发证机关', required: true, kind: 'text', description: '资质证书上的发证机关', example: '海南省住房和城乡建设厅' },
    { field: 'issuedOn', header: '发证日期', required: true, kind: 'date', description: '资质证书上的发证日期', example: '2021-04-12' },
    { field: 'validUntil', header: '有效期至', required: true, kind: 'date', description: '资质证书有效期的最后一天，应晚于发证日期', example: '2026-04-11' },
  ],
}

export const PRACTITIONERS: ImportKindSpec = {
  id: 'practitioners',
  label: '从业人员',
  sheetName: '从业人员',
  naturalKey: ['idNumber'],
  formSchema: practitionerFormSchema,
  extraSchema: null,
  columns: [
    idNumberColumn('人员库中已有该身份证号的人员时，导入将更新其信息'),
    { field: 'name', header: '姓名', required: true, kind: 'text', description: '与身份证一致', example: '李明' },
    { field: 'gender', header: '性别', required: true, kind: 'enum', codeTable: GENDER_TABLE, description: '男或女', example: '男' },
    { field: 'phone', header: '联系电话', required: false, kind: 'code', description: '手机号码或带区号的固定电话，可不填', example: '13876001234' },
    usccColumn('employerUscc', '工作单位统一社会信用代码', '人员所在企业', EXAMPLE_USCC.contractor),
  ],
}

export const REGISTRATIONS: ImportKindSpec = {
  id: 'registrations',
  label: '执业注册',
  sheetName: '执业注册',
  naturalKey: ['number'],
  formSchema: registrationFormSchema,
  extraSchema: z.object({ idNumber: idNumberSchema }),
  columns: [
    idNumberColumn('注册人员须已在人员库中'),
    { field: 'type', header: '注册类别', required: true, kind: 'enum', codeTable: REGISTRATION_TYPE_TABLE, description: '执业资格的类别', example: '一级注册建造师' },
    {
      field: 'number',
      header: '执业注册编号',
      required: true,
      kind: 'code',
      description: '注册证书上的编号，1至3位字母或省份简称加6至12位数字；已有该编号的注册时，导入将更新其信息',
      example: '琼146202400123',
    },
    { field: 'specialty', header: '注册专业', required: true, kind: 'text', description: '如 建筑工程、市政公用工程', example: '建筑工程' },
    { field: 'issuedOn', header: '注册日期', required: true, kind: 'date', description: '注册证书上的注册日期', example: '2024-01-15' },
    { field: 'validUntil', header: '有效期至', required: true, kind: 'date', description: '注册有效期的最后一天，应晚于注册日期', example: '2027-01-14' },
  ],
}
