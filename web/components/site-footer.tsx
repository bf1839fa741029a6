import { Suspense } from 'react'
import { connection } from 'next/server'
import { env } from '@web/lib/env'
import { site, telephoneHref } from '@web/lib/site'
import { siteRecordItems } from '@web/lib/site-records'
import { SiteRecords } from './site-records'

// read when a request is served, not when the page shell is prerendered at build time, so the
// numbers follow the running instance's configuration
async function ConfiguredSiteRecords() {
  await connection()
  return <SiteRecords items={siteRecordItems(env)} />
}

export function SiteFooter() {
  return (
    <footer data-print="hide" className="mt-12 border-t-4 border-seal bg-brand-900 text-sm text-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 leading-relaxed">
        {/* the sponsor line: who runs the portal and how to reach them */}
        <address className="not-italic" aria-label="主办单位">
          <p>主办单位：{site.sponsor.name}</p>
          <p>
            <span className="mr-4 inline-block">地址：{site.sponsor.address}</span>
            <span className="inline-block">
              电话：
              <a href={telephoneHref(site.sponsor.phone)} className="text-white hover:text-white">
                {site.sponsor.phone}
              </a>
            </span>
          </p>
        </address>
        <p>数据来源：{site.dataSource}</p>
        <Suspense fallback={null}>
          <ConfiguredSiteRecords />
        </Suspense>
      </div>
    </footer>
  )
}
