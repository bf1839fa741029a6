import { Suspense } from 'react'
import Link from 'next/link'
import type { Metadata } from 'next'
import { HeadlineFigures, HeadlineFiguresPlaceholder } from '@web/components/headline-figures'
import { LatestDisclosures, LatestDisclosuresPlaceholder } from '@web/components/home/latest-disclosures'
import { SiteSearchForm } from '@web/components/home/site-search-form'
import { site } from '@web/lib/site'

export const metadata: Metadata = {
  alternates: {
    types: {
      'application/rss+xml': [
        { url: '/feeds/permits.xml', title: '施工许可（RSS）' },
        { url: '/feeds/completion-filings.xml', title: '竣工验收备案（RSS）' },
        { url: '/feeds/exposure.xml', title: '诚信曝光台（RSS）' },
      ],
    },
  },
}

// The introduction and the search box are part of the static shell built at build time; the
// figures and the latest lists need the database and stream in at request time, each in its own
// Suspense boundary so neither waits for the other.
export default function HomePage() {
  return (
    <>
      <section aria-labelledby="intro-heading" className="max-w-4xl">
        <h1 id="intro-heading" className="text-2xl leading-snug font-bold text-brand-900 sm:text-3xl">
          {site.name}
        </h1>
        <p className="mt-4 text-base sm:text-lg">
          本平台汇集全省工程建设项目“合同备案—施工图审查—质量安全报监—施工许可—竣工验收备案”五个环节的信息，以项目编码一码贯通；建立企业库、人员库、项目库，按照统一的诚信评分标准评定企业和从业人员的信用等级，在诚信曝光台公开良好和不良行为记录。施工许可证和竣工验收备案证上的二维码可随时扫码核验真伪。
        </p>
        <div className="mt-6">
          <SiteSearchForm />
        </div>
      </section>

      <section aria-labelledby="figures-heading" className="mt-8 sm:mt-10">
        <h2 id="figures-heading" className="text-xl font-bold text-brand-900 sm:text-2xl">
          数据概览
        </h2>
        <Suspense fallback={<HeadlineFiguresPlaceholder />}>
          <HeadlineFigures />
        </Suspense>
        <p className="mt-1 text-sm">
          <Link href="/statistics">各市县按年、按月统计 ›</Link>
        </p>
      </section>

      <section aria-labelledby="latest-heading" className="mt-8 sm:mt-10">
        <h2 id="latest-heading" className="text-xl font-bold text-brand-900 sm:text-2xl">
          最新公开
        </h2>
        <Suspense fallback={<LatestDisclosuresPlaceholder />}>
          <LatestDisclosures />
        </Suspense>
        <p className="mt-3 text-sm text-muted">
          订阅（RSS）：<a href="/feeds/permits.xml">施工许可</a>、<a href="/feeds/completion-filings.xml">竣工验收备案</a>、
          <a href="/feeds/exposure.xml">诚信曝光台</a>
        </p>
      </section>
    </>
  )
}
