import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { getDb } from '@web/lib/db'
import { usccPathSchema } from '@web/server/enterprises/enterprise-queries'
import { getEnterpriseProfile } from '@web/server/enterprises/get-enterprise-profile'

export const GET = apiRoute<{ uscc: string }>(async (_request, { params }) => {
  const { uscc } = usccPathSchema.parse(await params)
  const enterprise = await getEnterpriseProfile(getDb(), uscc)
  if (!enterprise) throw ApiError.notFound('该企业')
  return Response.json(enterprise)
})
