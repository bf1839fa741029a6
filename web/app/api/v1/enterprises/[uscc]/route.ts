import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { usccPathSchema } from '@web/server/enterprises/enterprise-queries'
import { getEnterprise } from '@web/server/enterprises/enterprises-repository'

export const GET = apiRoute<{ uscc: string }>(async (_request, { params }) => {
  const { uscc } = usccPathSchema.parse(await params)
  const enterprise = await getEnterprise(uscc)
  if (!enterprise) throw ApiError.notFound('该企业')
  return Response.json(enterprise)
})
