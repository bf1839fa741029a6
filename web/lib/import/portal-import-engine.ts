// The import engine bound to this server's settings: its certificate key ring (read when a job
// that signs certificates runs) and the upload limit.
import { portalKeyRing } from '@web/lib/certificates/portal-certificates'
import { env } from '@web/lib/env'
import { createImportEngine } from '@web/server/import/import-engine'

export const portalImportEngine = createImportEngine({ keyRing: portalKeyRing, limits: { maxBytes: env.IMPORT_MAX_FILE_MB * 1024 * 1024 } })
