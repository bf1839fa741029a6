// The read endpoints of the exchange API (scope `read`): one project, enterprise or practitioner,
// region-scoped by the token's authority (web/server/exchange/get-exchange-*.ts); 404 for an
// unknown one and for one of another region alike.
import { getExchangeEnterprise } from '@web/server/exchange/get-exchange-enterprise'
import { getExchangePractitioner } from '@web/server/exchange/get-exchange-practitioner'
import { getExchangeProject } from '@web/server/exchange/get-exchange-project'
import type { ExchangeHandler } from './exchange-route'

export const exchangeProjectHandler: ExchangeHandler = async ({ db, caller, params, lastSegment }) => ({
  status: 200,
  body: await getExchangeProject(db, caller, params.projectCode || lastSegment),
})

export const exchangeEnterpriseHandler: ExchangeHandler = async ({ db, caller, params, lastSegment }) => ({
  status: 200,
  body: await getExchangeEnterprise(db, caller, params.uscc || lastSegment),
})

export const exchangePractitionerHandler: ExchangeHandler = async ({ db, caller, params, lastSegment }) => ({
  status: 200,
  body: await getExchangePractitioner(db, caller, params.practitioner || lastSegment),
})
