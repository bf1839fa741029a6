// Which build of the portal answers: for monitoring and support. Static (prerendered at build
// time), so it also serves as the baseline of the verification benchmark.
import { site } from '@web/lib/site'

export function GET() {
  return Response.json({ name: site.name, api: ['v1'], openapi: '/api/v1/openapi.json', jwks: '/.well-known/jwks.json' })
}
