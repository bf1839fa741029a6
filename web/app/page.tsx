import { Suspense } from 'react'
import { HeadlineFigures, HeadlineFiguresPlaceholder } from '@web/components/headline-figures'
import { site } from '@web/lib/site'

// The introduction is part of the static shell built at build time; the figures need the
// database and stream in at request time (HeadlineFigures awaits connection()).
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
      </section>

      <section aria-labelledby="figures-heading" className="mt-8 sm:mt-10">
        <h2 id="figures-heading" className="text-xl font-bold text-brand-900 sm:text-2xl">
          数据概览
        </h2>
        <Suspense fallback={<HeadlineFiguresPlaceholder />}>
          <HeadlineFigures />
        </Suspense>
      </section>
    </>
  )
}
