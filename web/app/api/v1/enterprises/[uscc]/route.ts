import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { usccPathSchema } from '@web/lib/queries/enterprise-queries'
import { getEnterprise } from '@web/lib/repositories/enterprises-repository'

export const GET = apiRoute<{ uscc: string }>(async (_request, { params }) => {
  const { uscc } = usccPathSchema.parse(await params)
  const enterprise = await getEnterprise(uscc)
  if (!enterprise) throw ApiError.notFound('该企业')
  return Response.json(enterprise)
})
