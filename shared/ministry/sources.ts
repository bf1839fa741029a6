// The public sources of the ministry table shapes and code tables, cited by id from tables.ts and
// code-tables.ts. None of them is the ministry's own standard text (全国建筑市场监管与诚信信息系统基础
// 数据库数据标准, 2014, and its 2017 revision of the project tables): that text was not found in any
// public copy we could read. What we have are systems that exchange data in those shapes:
// a 2014 DDL named after the ministry's standard database, the Wuxi/Jiangsu exchange profile, and
// a provincial basic database's Java code. A field is "confirmed" when at least one source with
// an address (repository and path) names it in that table; its type and length are those of the
// first source listed that documents types.

export const MINISTRY_SOURCES = {
  /** The ministry's standard tables as a 2014 provincial project system recreated them. */
  ZJB_DDL: {
    title: 'ZJB_dbStandard 建表脚本（工程项目基本信息、合同备案、施工图审查、施工许可、竣工验收备案）, 2014-11',
    repository: 'coojee2012/pm3',
    path: 'SurveyDesign/upload/YSLZ/2014-11/7db55d04-886e-40c3-ab0f-a75036d1a7f4.sql',
  },
  /** Wuxi's data-centre exchange standard (city → Jiangsu province → ministry), 2019-12 edition. */
  WUXI_2019: {
    title: '无锡市建筑市场基础数据中心接口标准 201912（含基础数据字典表）',
    repository: 'wxzjj/datacenter',
    path: 'doc/无锡项目文档/无锡市建筑工程基础资源管理信息平台定时服务/无锡市建筑市场基础数据中心接口标准201912.doc',
  },
  /** The same table shapes as Jiangsu's provincial credit platform receives them. */
  JIANGSU_CREDIT: {
    title: '江苏省建筑市场信用平台省级数据信息（接收全部）1.4',
    repository: 'wxzjj/datacenter',
    path: 'doc/无锡项目文档/无锡市建筑工程基础资源管理信息平台定时服务/与江苏省建筑市场信用平台接口/江苏省建筑市场信用平台省级数据信息（接收全部）1.4.doc',
  },
  /** A provincial basic database's enterprise model, with the 字典表 of each coded field. */
  QS_CORP: {
    title: 'TBCorpBasicInfo 的字段与字典表（企业基本信息 CorpInfo）',
    repository: 'sunzhenwen/QualitySystem',
    path: 'src/com/tj/jst/inner/notforeigninfo/model/CorpInfo.java',
  },
  /** The same system's insert into TBCorpCertInfo (资质证书). */
  QS_CERT: {
    title: 'insert into tbcorpcertinfo（资质证书）',
    repository: 'sunzhenwen/QualitySystem',
    path: 'src/com/tj/jst/inner/qualificationProductivity/cityApproval/dao/CityApprovalDaoImpl.java',
  },
  /** The same system's query of TBRegPersonRegInfo (注册人员注册信息) and its model's comments. */
  QS_REG_PERSON: {
    title: 'select … from TBREGPERSONREGINFO（注册人员）；字段含义见 Constructor.java',
    repository: 'sunzhenwen/QualitySystem',
    path: 'src/com/tj/jst/outside/staffmanage/constructor/dao/ConstructorDaoImpl.java',
  },
  /**
   * A stored web page whose address the search index did not keep: a province's comparison of its
   * own network with the standard, listing 施工企业企业基本情况信息数据表 with types and M/O/C. It
   * corroborates QS_CORP's field names; its types are the only ones we have for TBCorpBasicInfo.
   */
  PAGE_CORP_TYPES: {
    title: '网页摘录（地址未知）：省网与标准对比——施工企业企业基本情况信息数据表',
    repository: null,
    path: null,
  },
} as const satisfies Record<string, { title: string; repository: string | null; path: string | null }>

export type MinistrySourceId = keyof typeof MINISTRY_SOURCES
