import { apiRoute } from '@web/lib/api/api-route'
import { env } from '@web/lib/env'
import { buildOpenApiDocument } from '@web/lib/openapi/build-document'
import { apiOperations } from '@web/lib/openapi/operations'

export const GET = apiRoute(async () => Response.json(buildOpenApiDocument(apiOperations, env.PORTAL_ORIGIN)))
