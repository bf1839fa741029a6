// The ministry tables name a place by three GB/T 2260 codes (ProvinceNum, CityNum, CountyNum;
// 字典表 TBXZQDMDIC). A GB/T 2260 code nests them in its digits: 2 for the province, 2 for the
// prefecture, 2 for the county (46 01 00 = 海口市, 46 90 02 = 琼海市 under 4690 省直辖县级行政区划).
// The platform's development zones are not divisions and their 4699NN codes are ours
// (shared/regions/hainan.ts), so a zone is reported as the division that hosts it.
import { regionByCode } from '../regions/hainan'

export interface MinistryRegion {
  province: string
  /** null when the code is a province's own */
  city: string | null
  /** null when the code is a prefecture's or a province's own (海口 and 三亚 keep no districts here) */
  county: string | null
}

const GB2260 = /^\d{6}$/

export function ministryRegionOf(regionCode: string): MinistryRegion {
  if (!GB2260.test(regionCode)) throw new RangeError(`not a 6-digit region code: "${regionCode}"`)
  const region = regionByCode(regionCode)
  const code = region?.level === 'ZONE' && region.parentCode ? region.parentCode : regionCode
  const province = `${code.slice(0, 2)}0000`
  const prefecture = `${code.slice(0, 4)}00`
  return {
    province,
    city: prefecture === province ? null : prefecture,
    county: code === prefecture ? null : code,
  }
}
