'use client'

// window.print() needs the browser; the rest of the certificate page is server-rendered.
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-brand-700 bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
    >
      打印证书
    </button>
  )
}
