// The platform's certificate verification keys as a JWKS (docs/certificate-format.md §5): every
// key of the key file, current and retired, public parts only.
import { toJwks } from '@shared/certificates'
import { ApiError } from '@web/lib/api/api-error'
import { apiRoute } from '@web/lib/api/api-route'
import { portalKeyRing } from '@web/lib/certificates/portal-certificates'
import { KeyRingUnavailableError } from '@web/server/certificates/signing-keys'

export const GET = apiRoute(async () => {
  let publicKeys
  try {
    publicKeys = portalKeyRing().publicKeys
  } catch (error) {
    if (!(error instanceof KeyRingUnavailableError)) throw error
    throw ApiError.serviceUnavailable('证书核验公钥尚未配置，请稍后再试', { 'Cache-Control': 'no-store', 'Retry-After': '300' })
  }
  return Response.json(toJwks(publicKeys), {
    headers: { 'Cache-Control': 'public, max-age=3600', 'Content-Type': 'application/jwk-set+json; charset=utf-8' },
  })
})
