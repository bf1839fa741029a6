// Links to the pages of the three databases, so every name on a page leads to its record.
import Link from 'next/link'
import type { Route } from 'next'

export function EnterpriseLink({ enterprise }: { enterprise: { name: string; uscc: string } }) {
  return <Link href={`/enterprises/${enterprise.uscc}` as Route}>{enterprise.name}</Link>
}

export function PersonLink({ person }: { person: { id: string; name: string } }) {
  return <Link href={`/practitioners/${person.id}` as Route}>{person.name}</Link>
}

export function ProjectLink({ project }: { project: { projectCode: string; name: string } }) {
  return <Link href={`/projects/${project.projectCode}` as Route}>{project.name}</Link>
}

export function EnterpriseLinks({ enterprises }: { enterprises: readonly { name: string; uscc: string }[] }) {
  if (!enterprises.length) return <>—</>
  return (
    <>
      {enterprises.map((e, i) => (
        <span key={e.uscc}>
          {i > 0 && '、'}
          <EnterpriseLink enterprise={e} />
        </span>
      ))}
    </>
  )
}
