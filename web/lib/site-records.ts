// The registration numbers a Chinese government website shows in its footer, from configuration
// (web/lib/env.ts; none in the demo, so none shown): 网站标识码 (issued with the site's listing in
// the national government website directory), the ICP filing number (linked to the MIIT filing
// system, as its rules require) and the public-security filing number (linked to its record).
export interface SiteRecordSettings {
  SITE_IDENTIFIER_CODE?: string
  ICP_RECORD_NUMBER?: string
  PSB_RECORD_NUMBER?: string
}

export interface SiteRecordItem {
  /** what the number is, for the screen reader and the visible label */
  label: string
  /** what is shown */
  text: string
  href?: string
}

export const ICP_FILING_SYSTEM_URL = 'https://beian.miit.gov.cn/'
const PSB_RECORD_URL = 'https://beian.mps.gov.cn/#/query/webSearch?code='

/** The items to show, in the customary order; empty when nothing is configured. */
export function siteRecordItems(settings: SiteRecordSettings): SiteRecordItem[] {
  const items: SiteRecordItem[] = []
  const identifier = settings.SITE_IDENTIFIER_CODE?.trim()
  const icp = settings.ICP_RECORD_NUMBER?.trim()
  const psb = settings.PSB_RECORD_NUMBER?.trim()
  if (identifier) items.push({ label: '网站标识码', text: `网站标识码：${identifier}` })
  // the numbers name themselves (琼ICP备…号, 琼公网安备…号): shown as they are issued
  if (icp) items.push({ label: 'ICP备案号', text: icp, href: ICP_FILING_SYSTEM_URL })
  if (psb) {
    const code = /\d{10,}/.exec(psb)?.[0]
    items.push({ label: '公安机关备案号', text: psb, ...(code ? { href: `${PSB_RECORD_URL}${code}` } : {}) })
  }
  return items
}
