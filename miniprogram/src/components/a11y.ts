// Attributes for screen readers and for the H5 end-to-end tests. On H5, Taro renders string
// props of its components as HTML attributes (camelCase → kebab-case), so `data-testid`,
// `role` and `aria-*` reach the DOM; on WeChat `ariaRole`/`ariaLabel` are the supported ones.
// The test ids are a contract with the e2e tests (README "Test hooks"): keep them stable.

export function hooks(options: { testId?: string; role?: string; label?: string; live?: 'polite' | 'assertive' }): Record<string, string> {
  const attrs: Record<string, string> = {}
  if (options.testId) attrs['data-testid'] = options.testId
  if (options.role) {
    attrs.role = options.role
    attrs.ariaRole = options.role
  }
  if (options.label) attrs.ariaLabel = options.label
  if (options.live) attrs['aria-live'] = options.live
  return attrs
}
