// An enterprise's credit grade explained, computed live on today's China date (what the
// mini-program shows an inspector); see the OpenAPI description of getEnterpriseCredit.
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { usccPathSchema } from '@web/server/enterprises/enterprise-queries'
import { explainEnterpriseCredit } from '@web/server/credit/explain-enterprise-credit'

export const GET = apiRoute<{ uscc: string }>(async (_request, { params }) => {
  const { uscc } = usccPathSchema.parse(await params)
  const credit = await explainEnterpriseCredit(getDb(), uscc)
  if (!credit) throw ApiError.notFound('该企业')
  return Response.json(credit)
})
