// The import as the portal and the worker run it: the kinds that have a handler (the features' own
// use-case code), the file reader with its limits, and which refusals are the file's. Settings are
// the caller's: the portal passes its key ring and limits (web/lib/import/portal-import-engine.ts),
// the worker command its own.
import type { KeyRing } from '@shared/certificates/key-file'
import { importKindList } from '@shared/import/import-kinds'
import { importKindSchema, type ImportKindId } from '@shared/import/import-kind-ids'
import type { Actor } from '@shared/staff/actor'
import { can } from '@shared/staff/permissions'
import { importEnterprises } from '@web/server/enterprises/import-enterprises'
import { importQualifications } from '@web/server/enterprises/import-qualifications'
import { importPractitioners } from '@web/server/practitioners/import-practitioners'
import { importRegistrations } from '@web/server/practitioners/import-registrations'
import { createCompletionFilingsImport } from '@web/server/projects/import-completion-filings'
import { createConstructionPermitsImport } from '@web/server/projects/import-construction-permits'
import { importContractFilings } from '@web/server/projects/import-contract-filings'
import { importDrawingReviews } from '@web/server/projects/import-drawing-reviews'
import { importProjects } from '@web/server/projects/import-projects'
import { importSupervisionFilings } from '@web/server/projects/import-supervision-filings'
import { importIntegrityRecords } from '@web/server/records/import-integrity-records'
import type { ImportHandler } from './import-handler'
import { ImportFileError } from './import-file-error'
import type { ImportLimits } from './import-limits'
import { readImportFile } from './read-import-file'
import type { ImportEngine } from './run-import-job'

export interface ImportEngineSettings {
  /** the certificate key ring, read when a kind that signs certificates runs (permits, completion filings) */
  keyRing: () => KeyRing
  limits?: Partial<ImportLimits>
}

/** Every kind's handler: the features' own use-case code. */
export function importHandlers(settings: ImportEngineSettings): Record<ImportKindId, ImportHandler> {
  return {
    enterprises: importEnterprises,
    qualifications: importQualifications,
    practitioners: importPractitioners,
    registrations: importRegistrations,
    projects: importProjects,
    'contract-filings': importContractFilings,
    'drawing-reviews': importDrawingReviews,
    'supervision-filings': importSupervisionFilings,
    'construction-permits': createConstructionPermitsImport(settings.keyRing),
    'completion-filings': createCompletionFilingsImport(settings.keyRing),
    'integrity-records': importIntegrityRecords,
  }
}

export function createImportEngine(settings: ImportEngineSettings, handlers: Partial<Record<ImportKindId, ImportHandler>> = importHandlers(settings)): ImportEngine {
  return {
    handlerFor(kind) {
      const id = importKindSchema.safeParse(kind)
      return id.success ? handlers[id.data] : undefined
    },
    async *readRows(file, job) {
      const kind = importKindSchema.parse(job.kind)
      const rows = await readImportFile(file, { kind, fileName: job.fileName, limits: settings.limits })
      try {
        yield* rows
      } finally {
        await rows.close()
      }
    },
    fileRefusal(error) {
      return error instanceof ImportFileError ? error.message : null
    },
  }
}

/** The kinds the actor may import with this engine, in the import page's order. */
export function importKindsFor(actor: Actor, engine: Pick<ImportEngine, 'handlerFor'>): { id: ImportKindId; label: string }[] {
  if (!can(actor.role, 'data.import')) return []
  return importKindList()
    .filter((k) => {
      const handler = engine.handlerFor(k.id)
      return handler !== undefined && can(actor.role, handler.permission)
    })
    .map((k) => ({ id: k.id, label: k.label }))
}
