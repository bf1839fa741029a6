// The site search box: a plain GET form to /search, so it works before (and without) JavaScript.
export function SiteSearchForm({ defaultValue = '', autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form method="get" action="/search" role="search" aria-label="全站搜索" className="flex max-w-2xl flex-wrap gap-2 print:hidden">
      {/* a visible label: on a phone the placeholder alone is cut off */}
      <label htmlFor="site-search-q" className="w-full text-sm font-medium">
        搜索施工许可、竣工验收备案、项目、企业、从业人员
      </label>
      <input
        id="site-search-q"
        name="q"
        type="search"
        required
        maxLength={100}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        placeholder="名称、编号或信用代码"
        className="min-w-0 flex-1 basis-60 rounded border border-line bg-white px-3 py-2 text-base"
      />
      <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
        搜索
      </button>
    </form>
  )
}
