/** The public detail pages whose record the request proxy checks before rendering. */
export const PUBLIC_DETAIL_KINDS = ['permit', 'completion-filing', 'project', 'enterprise', 'practitioner', 'certificate', 'objection'] as const
export type PublicDetailKind = (typeof PUBLIC_DETAIL_KINDS)[number]
