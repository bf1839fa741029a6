// A use case of the exchange API checks the token's scope itself, whatever route called it: the
// route wrapper checks it too, but a use case must not rely on its caller for its policy.
import type { ApiTokenScope } from '@shared/staff-forms/api-tokens'
import type { ApiCaller } from '@web/server/api-tokens/authenticate-api-token'
import { ForbiddenError } from '@web/server/lib/errors'

export function requireScope(caller: ApiCaller, scope: ApiTokenScope): void {
  if (!caller.scopes.includes(scope)) throw new ForbiddenError(`令牌没有此接口所需的权限范围（${scope}）`)
}
