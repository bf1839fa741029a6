// The authorities an account may belong to (the create-account form's choices).
import type { Db } from '@db/client'
import type { Actor } from '@shared/staff/actor'
import { authorize } from '@web/server/staff/authorize'
import { createAccountsRepository } from './accounts-repository'

export async function listAuthorities(db: Db, actor: Actor) {
  authorize(actor, 'accounts.manage')
  return createAccountsRepository(db).listAuthorities()
}
