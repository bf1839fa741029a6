// Applies and creates migrations with Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) talking through the driver adapters. The native schema-engine
// binary that `prisma migrate` downloads cannot be fetched on our build machines; the wasm engine
// is the same Rust code, reads the same `migrations/` folders and records them in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so either tool can take over.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import { parseDatabaseUrl, type DatabaseProvider } from './database-url.ts'

const PRISMA_DIR = path.dirname(new URL(import.meta.url).pathname)

export const SCHEMA_FILES: Record<DatabaseProvider, string> = {
  sqlite: path.join(PRISMA_DIR, 'schema.prisma'),
  postgresql: path.join(PRISMA_DIR, 'postgres', 'schema.prisma'),
}
export const MIGRATIONS_DIRS: Record<DatabaseProvider, string> = {
  sqlite: path.join(PRISMA_DIR, 'migrations'),
  postgresql: path.join(PRISMA_DIR, 'postgres', 'migrations'),
}

const NO_FILTERS = { externalTables: [], externalEnums: [] }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type WasmEngine = any

let wasmModule: Promise<WasmEngine> | undefined
function loadWasm(): Promise<WasmEngine> {
  wasmModule ??= (async () => {
    const require = createRequire(import.meta.url)
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const bg = await import(pathToFileURL(bgPath).href)
    const bytes = fs.readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg })
    bg.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.()
    return bg
  })()
  return wasmModule
}

function adapterFactory(url: string) {
  const target = parseDatabaseUrl(url)
  if (target.provider === 'sqlite') {
    if (target.location !== ':memory:') fs.mkdirSync(path.dirname(target.location), { recursive: true })
    return new PrismaBetterSqlite3({ url: target.location }, { timestampFormat: 'unixepoch-ms' })
  }
  return new PrismaPg({ connectionString: target.location })
}

/**
 * Freeing the engine does not close the connections it opened through the adapter; a SQLite
 * connection left open keeps its lock, so we track and dispose them ourselves.
 */
function disposableAdapterFactory(url: string) {
  const factory = adapterFactory(url)
  const opened: { dispose(): Promise<void> }[] = []
  const track = async <T extends { dispose(): Promise<void> }>(adapter: Promise<T>) => {
    const a = await adapter
    opened.push(a)
    return a
  }
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: () => track(factory.connect()),
      connectToShadowDb: () => track(factory.connectToShadowDb()),
    },
    dispose: async () => {
      await Promise.all(opened.splice(0).map((a) => a.dispose().catch(() => {})))
    },
  }
}

async function withEngine<T>(url: string, fn: (engine: WasmEngine, datamodel: string) => Promise<T>): Promise<T> {
  const provider = parseDatabaseUrl(url).provider
  const datamodel = fs.readFileSync(SCHEMA_FILES[provider], 'utf8')
  const bg = await loadWasm()
  const adapters = disposableAdapterFactory(url)
  try {
    const engine = await bg.SchemaEngine.new(
      { datamodels: [['schema.prisma', datamodel]] },
      () => {},
      bindMigrationAwareSqlAdapterFactory(adapters.factory as never),
    )
    try {
      return await fn(engine, datamodel)
    } finally {
      engine.free()
    }
  } catch (error) {
    throw new Error(`schema engine: ${describeEngineError(error)}`)
  } finally {
    await adapters.dispose()
  }
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'object' && error && 'message' in error) return String((error as { message: unknown }).message)
  return String(error)
}

export function readMigrations(provider: DatabaseProvider) {
  const baseDir = MIGRATIONS_DIRS[provider]
  const dirs = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : []
  const lockPath = path.join(baseDir, 'migration_lock.toml')
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  }
}

/** Applies every committed migration not yet applied; returns the names it applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  const provider = parseDatabaseUrl(url).provider
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(provider), filters: NO_FILTERS })
    return out.appliedMigrationNames as string[]
  })
}

/**
 * The schema that the committed migrations build, kept beside them. Diffing against a live or
 * shadow database needs engine features that the wasm build cannot reach through the adapters
 * yet, so new migrations are the diff between this snapshot and the current schema.
 */
export function snapshotPath(provider: DatabaseProvider) {
  return path.join(MIGRATIONS_DIRS[provider], 'schema.snapshot.prisma')
}

/** SQL that takes a database from schema `from` (null: empty) to schema `to`; '' if none. */
export async function diffSchemas(provider: DatabaseProvider, from: string | null, to: string): Promise<string> {
  const url = provider === 'sqlite' ? 'file::memory:' : (process.env.POSTGRES_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres')
  return withEngine(url, async (engine) => {
    const out = await engine.diff({
      from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    })
    const sql = String(out.stdout ?? '')
    return /^\s*-- This is an empty migration\.\s*$/.test(sql) ? '' : sql.trim()
  })
}
