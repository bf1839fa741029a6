import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { matchAdminDetailRoute } from './admin-detail-routes'

const ADMIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../app/admin')

describe('matchAdminDetailRoute', () => {
  it('matches one segment under each back-office detail page', () => {
    expect(matchAdminDetailRoute('/admin/enterprises/cm0abc')).toEqual({ kind: 'enterprise', rawParam: 'cm0abc' })
    expect(matchAdminDetailRoute('/admin/practitioners/cm0abc/')).toEqual({ kind: 'practitioner', rawParam: 'cm0abc' })
    expect(matchAdminDetailRoute('/admin/projects/460100202601010001')?.kind).toBe('project')
    expect(matchAdminDetailRoute('/admin/records/cm0abc')?.kind).toBe('record')
    expect(matchAdminDetailRoute('/admin/objections/2612040ABCDEFGHJKLMNPQ7')?.kind).toBe('objection')
    expect(matchAdminDetailRoute('/admin/imports/cm0abc')?.kind).toBe('import-job')
  })

  it('leaves lists, forms, downloads, deeper paths and public pages alone', () => {
    for (const p of ['/admin', '/admin/projects', '/admin/projects/', '/admin/projects/new', '/admin/imports/upload', '/admin/imports/template', '/admin/imports/x/problems', '/admin/enterprises/new', '/admin/sign-in/verify', '/projects/X', '/adminx/projects/X']) {
      expect(matchAdminDetailRoute(p), p).toBeNull()
    }
  })

  // a static page or route added beside a dynamic one must be listed, or the proxy would look it up as a key
  it('knows every dynamic segment under web/app/admin and every static route beside one', () => {
    const dynamicSections: string[] = []
    for (const section of fs.readdirSync(ADMIN, { withFileTypes: true })) {
      if (!section.isDirectory()) continue
      const entries = fs.readdirSync(path.join(ADMIN, section.name), { withFileTypes: true }).filter((e) => e.isDirectory())
      const dynamic = entries.find((e) => e.name.startsWith('['))
      if (!dynamic || !fs.existsSync(path.join(ADMIN, section.name, dynamic.name, 'page.tsx'))) continue
      dynamicSections.push(section.name)
      expect(matchAdminDetailRoute(`/admin/${section.name}/some-key`), section.name).not.toBeNull()
      for (const sibling of entries.filter((e) => !e.name.startsWith('['))) {
        expect(matchAdminDetailRoute(`/admin/${section.name}/${sibling.name}`), `${section.name}/${sibling.name}`).toBeNull()
      }
    }
    expect(dynamicSections.sort()).toEqual(['enterprises', 'imports', 'objections', 'practitioners', 'projects', 'records'])
  })
})
