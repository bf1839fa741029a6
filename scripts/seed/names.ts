// Word lists for Chinese names of people, enterprises and projects.
//
// Enterprise "brand" words (字号) are ordinary auspicious or local words. The lists avoid the
// names of well-known real groups (the central construction SOEs, the big national
// developers), because the seed attaches made-up penalties to made-up enterprises and no
// reader should mistake one for a real company's record.
import { Rng, WeightedTable } from './random.ts'

// ---------------------------------------------------------------- people

/** Common surnames, weighted roughly by frequency in Hainan (符, 吴, 林 … are more frequent here). */
const SURNAMES = new WeightedTable<string>([
  ['王', 7], ['李', 6.5], ['陈', 6.5], ['张', 5.5], ['刘', 4.5], ['符', 4], ['吴', 4], ['林', 4], ['黄', 3.5], ['杨', 3],
  ['赵', 2], ['周', 2.2], ['徐', 1.6], ['孙', 1.5], ['马', 1.4], ['朱', 1.4], ['胡', 1.3], ['郭', 1.2], ['何', 1.5],
  ['高', 1.1], ['罗', 1.1], ['郑', 1.2], ['梁', 1.3], ['谢', 1], ['韩', 1], ['唐', 0.9], ['冯', 1], ['许', 0.9],
  ['邓', 0.9], ['曾', 0.9], ['彭', 0.8], ['蔡', 1], ['潘', 0.7], ['袁', 0.6], ['董', 0.6], ['苏', 0.6], ['蒋', 0.5],
  ['卢', 0.6], ['叶', 0.6], ['吕', 0.5], ['魏', 0.5], ['程', 0.5], ['邢', 1.2], ['羊', 0.6], ['云', 0.6], ['庞', 0.5],
  ['詹', 0.4], ['麦', 0.4], ['莫', 0.5], ['钟', 0.7], ['文', 0.5], ['欧阳', 0.15], ['司徒', 0.05],
])

const MALE_FIRST = '志国海建文明永晓德振俊家子宏祥世春金立光学成少宇浩泽思天嘉新锦远'
const MALE_SECOND = '伟强军勇杰涛明超辉斌华峰鹏磊波刚平亮林东龙生坤辰阳宁新荣忠武雄'
const FEMALE_FIRST = '丽秀晓春美海玉小雅佳雪思婷慧淑文静紫梦欣'
const FEMALE_SECOND = '娟英华芳丽敏静婷玲燕霞红萍琳颖倩洁慧琴雯'

export function personName(rng: Rng, male: boolean): string {
  const surname = SURNAMES.pick(rng)
  const first = male ? MALE_FIRST : FEMALE_FIRST
  const second = male ? MALE_SECOND : FEMALE_SECOND
  if (rng.chance(0.3)) return surname + rng.pick([...second])
  return surname + rng.pick([...first]) + rng.pick([...second])
}

/** Mainland mobile number prefixes in use. */
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189',
  '198', '199',
]

export function mobilePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8)
}

// ---------------------------------------------------------------- enterprises

export const BRANDS = [
  '鸿泰', '华信', '椰城', '琼州', '恒达', '南海', '金盛', '宏图', '天涯', '鹿城', '瑞丰', '嘉禾', '海润', '建业', '万通',
  '聚鑫', '盛世', '金椰', '博远', '安居', '祥泰', '永盛', '华夏', '宏基', '兴业', '鼎盛', '鑫源', '浩然', '嘉信', '众诚',
  '卓越', '宏远', '广厦', '丰泽', '天成', '泰和', '德润', '瑞安', '远航', '海纳', '锦程', '腾达', '汇通', '立信', '明达',
  '润泽', '恒信', '华建', '鸿达', '华瑞', '中南', '盛达', '久远', '方圆', '合力', '协和', '同创', '晨光', '启航', '华安',
  '诚信', '鸿运', '金源', '昌盛', '富源', '伟业', '建宏', '泓澄', '椰风', '海韵', '碧海', '蓝湾', '银滩', '椰林', '凤凰',
  '木棉', '南国', '岛城', '琼南', '琼北', '琼西', '琼东', '南洋', '天海', '星海', '蓝海', '海晟', '琼辉', '铭远', '弘毅',
  '睿达', '嘉业', '昊天', '德信', '信达', '骏业', '隆盛', '宝华', '恒盛', '泰丰', '恒通', '润丰', '海源', '鸿基', '金桥',
  '宏业', '正兴', '亿丰', '佳泰', '长青', '青松', '华美', '益民', '惠民', '安达', '顺达', '通达', '巨龙', '鸿图', '精诚',
  '筑梦', '建安', '城安', '和兴', '永安', '福海', '凯达', '凯旋', '联创', '鑫盛', '晟泰', '鼎新', '博雅', '致远', '中和',
  '融信', '宏泰', '泰隆', '富华', '天瑞', '海映', '琼岛', '椰海', '兴华', '宏盛', '汇丰源', '金海湾', '新世纪', '大成',
  '永兴', '荣盛达', '鹏程', '伟达', '恒基', '德诚', '鸿翔', '新锐', '中科建', '华宇', '振华', '瑞祥', '嘉华', '德馨',
]

const BRAND_CHARS = '鸿泰华信恒达金盛宏图瑞丰嘉禾润建业通鑫源浩然诚卓越远天成和德安航纳锦程腾汇立明泽兴隆祥永昌富伟博睿铭弘'

/** A brand word; after many collisions, a fresh two-character one. */
export function brand(rng: Rng, attempt: number): string {
  if (attempt < 12) return rng.pick(BRANDS)
  return rng.pick([...BRAND_CHARS]) + rng.pick([...BRAND_CHARS]) + (attempt > 40 ? rng.pick([...BRAND_CHARS]) : '')
}

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

export const ENTERPRISE_SUFFIXES = {
  CONTRACTOR: ['建设工程有限公司', '建筑工程有限公司', '建工集团有限公司', '建设集团有限公司', '建筑安装工程有限公司', '市政工程有限公司', '路桥工程有限公司', '建设发展有限公司'],
  DEVELOPER: ['房地产开发有限公司', '置业有限公司', '投资开发有限公司', '实业有限公司', '旅游开发有限公司', '置地有限公司'],
  SURVEY: ['岩土工程勘察有限公司', '工程勘察院有限公司', '地质工程勘察院有限公司', '勘察测绘有限公司', '岩土工程有限公司'],
  DESIGN: ['建筑设计研究院有限公司', '建筑设计有限公司', '城乡规划设计研究院有限公司', '市政工程设计院有限公司', '工程设计顾问有限公司'],
  SUPERVISOR: ['工程建设监理有限公司', '建设工程项目管理有限公司', '工程咨询监理有限公司', '工程监理有限公司', '建设监理咨询有限公司'],
  TENDER_AGENT: ['招标代理有限公司', '工程招标咨询有限公司', '项目管理咨询有限公司', '招标有限公司'],
  LANDSCAPING: ['园林绿化工程有限公司', '园林景观工程有限公司', '生态园林建设有限公司', '园艺绿化有限公司'],
  COST_CONSULTANT: ['工程造价咨询有限公司', '建设工程造价咨询事务所有限公司', '工程咨询有限公司', '造价师事务所有限公司'],
  QUALITY_TESTING: ['建设工程质量检测有限公司', '建筑工程质量检测有限公司', '工程检测技术有限公司', '建材检测中心有限公司'],
} as const

// ---------------------------------------------------------------- projects

export const ESTATE_SUFFIXES = ['花园', '华庭', '名苑', '公馆', '雅居', '府', '海岸', '新城', '家园', '小区', '湾', '悦府', '御景', '国际']
export const ESTATE_WORDS = [
  '椰林', '海景', '滨江', '翡翠', '碧水', '阳光', '金色', '锦绣', '世纪', '天海', '南湾', '海韵', '椰风', '凤凰',
  '蓝湾', '云海', '书香', '滨海', '绿洲', '月亮湾', '清水湾', '江畔', '湖畔', '椰岛', '观澜', '丽景', '半山', '香樟',
]
export const COMMERCIAL_KINDS = ['商业广场', '国际大酒店', '商务大厦', '写字楼', '购物中心', '综合体']
export const INDUSTRIAL_KINDS = ['产业园', '物流园', '科技园', '食品加工厂', '仓储中心']
export const SCHOOL_KINDS = ['中学', '小学', '幼儿园', '实验学校', '职业技术学校']
export const SCHOOL_BUILDINGS = ['教学楼', '综合楼', '学生宿舍楼', '风雨操场', '教学综合楼及附属工程']
export const HOSPITAL_BUILDINGS = ['住院综合楼', '门诊医技楼', '感染科楼', '综合楼改扩建工程', '发热门诊楼']
export const PUBLIC_HOUSING_KINDS = ['安居型商品住房项目', '保障性租赁住房项目', '人才公寓', '公共租赁住房', '棚户区改造安置房项目']
export const CIVIC_BUILDINGS = ['文体中心', '党群服务中心', '卫生院业务用房', '养老服务中心', '图书馆', '便民服务中心']
export const MUNICIPAL_KINDS = [
  'ROAD', 'ROAD', 'ROAD', 'ROAD_SECTION', 'SEWAGE', 'DRAINAGE', 'PIPE', 'BRIDGE', 'RIVER', 'OLD_COMMUNITY', 'LIGHTING', 'WATER',
] as const
export type MunicipalKind = (typeof MUNICIPAL_KINDS)[number]

export const PHASES = ['一期', '二期', '三期', '四期']

export function numeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1]
  if (n < 20) return `十${CHINESE_NUMERALS[n - 11]}`
  return `${CHINESE_NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? CHINESE_NUMERALS[(n % 10) - 1] : ''}`
}
