// The site's main navigation. List only pages that exist: `navigationItem` checks each href
// against the generated route types (typedRoutes), so a link to a missing page fails the build,
// and navigation.test.ts checks each entry against app/.
import type { Route } from 'next'

export interface NavigationItem {
  href: Route
  label: string
}

// Route<T> only rejects an unknown path when T is inferred from a literal; a bare `Route`
// annotation accepts any string.
function navigationItem<T extends string>(href: Route<T>, label: string): NavigationItem {
  return { href: href as Route, label }
}

export const mainNavigation: readonly NavigationItem[] = [
  navigationItem('/', '首页'),
  navigationItem('/permits', '施工许可'),
  navigationItem('/completion-filings', '竣工验收备案'),
  navigationItem('/projects', '项目'),
  navigationItem('/enterprises', '企业'),
  navigationItem('/practitioners', '从业人员'),
  navigationItem('/exposure', '诚信曝光台'),
  navigationItem('/credit', '信用等级'),
  navigationItem('/statistics', '统计'),
  navigationItem('/verify', '证书核验'),
  navigationItem('/api-docs', '开放数据'),
]

/** True when `pathname` is the item's page or a page below it ('/' only matches itself). */
export function isActiveNavigationItem(item: NavigationItem, pathname: string): boolean {
  if (item.href === '/') return pathname === '/'
  return pathname === item.href || pathname.startsWith(`${item.href}/`)
}
