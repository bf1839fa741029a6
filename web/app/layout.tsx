import type { Metadata, Viewport } from 'next'
import { Suspense, type ReactNode } from 'react'
import { connection } from 'next/server'
import { SiteFooter } from '@web/components/site-footer'
import { SiteHeader } from '@web/components/site-header'
import { site } from '@web/lib/site'
import './globals.css'

export const metadata: Metadata = {
  title: { default: site.name, template: `%s | ${site.name}` },
  description: site.description,
  applicationName: site.name,
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
  },
  manifest: '/manifest.webmanifest',
  // numbers such as permit numbers and phone-like codes must not turn into tel: links on iOS
  formatDetection: { telephone: false },
}

export const viewport: Viewport = {
  themeColor: '#0b3d91',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh flex-col bg-white font-sans text-ink antialiased">
        <Suspense fallback={null}>
          <RenderedPerRequest>
            <a
              href="#main"
              className="sr-only z-50 bg-focus px-4 py-2 font-bold text-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
            >
              跳到主要内容
            </a>
            <SiteHeader />
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
              {children}
            </main>
            <SiteFooter />
          </RenderedPerRequest>
        </Suspense>
      </body>
    </html>
  )
}

/**
 * Renders the whole body per request, so the static shell prerendered at build time (under
 * cacheComponents) holds only <head>, script files and React's one fixed inline script. Any other
 * inline script (Next's page data, React's Suspense completions) then comes in the per-request part,
 * which Next renders with the request's CSP nonce (web/proxy.ts); in a shell it would have no nonce
 * and the browser would refuse it. Costs little: the layout reads no data, and pages stream as before.
 */
async function RenderedPerRequest({ children }: { children: ReactNode }) {
  await connection()
  return children
}
