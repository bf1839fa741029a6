// Runs once when a server instance starts, before it answers a request (Next.js instrumentation).
// A misconfigured instance must fail here rather than serve: importing the certificates module
// validates the environment (web/lib/env.ts), and a public instance (PORTAL_ROLE=public) reads its
// certificate and transparency-log key files now and refuses one that holds a private key.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  try {
    const { checkInstanceKeys } = await import('@web/lib/certificates/portal-certificates')
    checkInstanceKeys()
    const { checkInstanceLogKey } = await import('@web/lib/transparency-log/portal-log')
    checkInstanceLogKey()
    // a signing instance re-signs the revocation status list before it lapses (hourly check)
    const { startStatusListRefresh } = await import('@web/lib/status-list/status-list-refresh')
    startStatusListRefresh()
  } catch (error) {
    // Next.js only logs an error thrown here and then serves anyway (measured with next start 16.4)
    console.error(`拒绝启动 / refusing to start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
