// An enterprise's credit grade explained, computed live on today's China date (what the
// mini-program shows an inspector); see the OpenAPI description of getEnterpriseCredit.
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { usccPathSchema } from '@web/server/enterprises/enterprise-queries'
import { getEnterpriseCredit } from '@web/server/credit/credit-grades-repository'

export const GET = apiRoute<{ uscc: string }>(async (_request, { params }) => {
  const { uscc } = usccPathSchema.parse(await params)
  const credit = await getEnterpriseCredit(uscc)
  if (!credit) throw ApiError.notFound('该企业')
  return Response.json(credit)
})
