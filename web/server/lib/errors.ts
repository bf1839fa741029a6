// The application layer's refusals. Use cases throw these; the web layer turns them into HTTP
// answers (web/lib/api/api-error.ts) or form messages, so a rule is enforced the same way whether
// a form, an import, the exchange API or an operator command called the use case.

/** The thing does not exist — or exists outside the actor's region, which must not leak (404). */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`未找到${what}`)
    this.name = 'NotFoundError'
  }
}

/** The actor's role may not do this at all (403). */
export class ForbiddenError extends Error {
  constructor(message = '您的账号没有进行此操作的权限') {
    super(message)
    this.name = 'ForbiddenError'
  }
}

/** The state changed under the request, or the request breaks a rule of order (409). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConflictError'
  }
}

/**
 * Input that passed its schema but breaks a rule that needs the database (a USCC that names no
 * enterprise, a person not registered with the enterprise): the field and a Chinese message (400).
 */
export class InputError extends Error {
  constructor(readonly fields: Record<string, string>, message = Object.values(fields)[0] ?? '输入有误') {
    super(message)
    this.name = 'InputError'
  }
}
