import { describe, expect, it } from 'vitest'
import type { CertificateRecord } from './certificates-repository'
import { createCertificateLookup, FACTS_TTL_MS } from './certificate-lookup'

const record: CertificateRecord = {
  serial: 'P20244601000001230',
  type: 'CONSTRUCTION_PERMIT',
  status: 'VALID',
  statusChangedAt: null,
  statusReason: null,
  projectCode: '46010020240300001',
  holderUscc: '91460100MA5T000001',
  issuedOn: '2024-03-15',
  validUntil: null,
  keyId: 1,
  signature: 'sig-1',
  projectName: '滨海花园',
  holderName: '海南示例置业有限公司',
  facts: null,
}

function sources() {
  const db = { row: { ...record }, stateReads: 0, fullReads: 0 }
  return {
    db,
    findCertificateState: async () => {
      db.stateReads++
      const { projectName: _name, holderName: _holder, facts: _facts, ...state } = db.row
      return state
    },
    findCertificateBySerial: async () => (db.fullReads++, { ...db.row }),
  }
}

describe('createCertificateLookup', () => {
  it('reads the status fresh every time but joins the facts once per TTL', async () => {
    let clock = 0
    const s = sources()
    const find = createCertificateLookup(s, () => clock)
    expect((await find(record.serial))?.status).toBe('VALID')
    s.db.row.status = 'REVOKED'
    s.db.row.statusReason = '撤销'
    expect(await find(record.serial)).toMatchObject({ status: 'REVOKED', statusReason: '撤销', projectName: '滨海花园' })
    expect([s.db.stateReads, s.db.fullReads]).toEqual([2, 1])
    s.db.row.projectName = '滨海花园二期'
    clock += FACTS_TTL_MS + 1
    expect((await find(record.serial))?.projectName).toBe('滨海花园二期')
    expect(s.db.fullReads).toBe(2)
  })

  it('drops what it kept when the certificate is signed anew', async () => {
    const s = sources()
    const find = createCertificateLookup(s, () => 0)
    await find(record.serial)
    s.db.row.signature = 'sig-2'
    s.db.row.holderName = '更名后的公司'
    expect((await find(record.serial))?.holderName).toBe('更名后的公司')
  })

  it('withLog: the status and the log read together, fresh every time, the facts still kept', async () => {
    const s = sources()
    let logReads = 0
    const log = { head: { size: 3, rootHash: new Uint8Array(32), checkpoint: 'note' }, entries: [] }
    const find = createCertificateLookup(
      {
        ...s,
        findCertificateStateWithLog: async (serial) => {
          logReads++
          const state = await s.findCertificateState()
          return state && state.serial === serial ? { state, log } : null
        },
      },
      () => 0,
    )
    expect(await find.withLog(record.serial)).toMatchObject({ record: { status: 'VALID', projectName: '滨海花园' }, log })
    s.db.row.status = 'REVOKED'
    expect(await find.withLog(record.serial)).toMatchObject({ record: { status: 'REVOKED', projectName: '滨海花园' }, log })
    expect([logReads, s.db.fullReads]).toEqual([2, 1])
    expect(await find.withLog('P20244601000009999')).toBeNull()
  })

  it('withLog without a joined source: the record alone, the log left to the caller', async () => {
    const found = await createCertificateLookup(sources(), () => 0).withLog(record.serial)
    expect(found?.record.serial).toBe(record.serial)
    expect(found).not.toHaveProperty('log')
  })
})
