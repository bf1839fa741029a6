// The enterprises on a project by role (建设, 勘察, 设计, 施工, 监理) and their key people. Names
// only: ID numbers and phone numbers of people are never published. On a phone the key people
// go under their enterprise (two columns); from `sm` up they have a column of their own.
import { KEY_PERSON_ROLE_LABELS, PARTICIPANT_ROLE_LABELS } from '@shared/domain/enums'
import { EnterpriseLinks, PersonLink } from '@web/components/entity-links'
import type { ParticipantGroup } from '@shared/projects/project-timeline'

function KeyPeople({ people }: { people: ParticipantGroup['keyPeople'] }) {
  return (
    <ul>
      {people.map((p) => (
        <li key={`${p.role}-${p.id}`}>
          <span className="text-muted">{KEY_PERSON_ROLE_LABELS[p.role]}：</span>
          <PersonLink person={p} />
        </li>
      ))}
    </ul>
  )
}

export function ProjectParticipants({ groups, headingId }: { groups: readonly ParticipantGroup[]; headingId: string }) {
  return (
    <table aria-labelledby={headingId} className="mt-4 w-full border-collapse text-left">
      <thead>
        <tr className="bg-surface text-sm">
          <th scope="col" className="w-24 px-3 py-2 font-medium sm:w-32">
            参建角色
          </th>
          <th scope="col" className="px-3 py-2 font-medium">
            单位名称<span className="sm:hidden">及关键岗位人员</span>
          </th>
          <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">
            关键岗位人员
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.role} className="border-t border-line align-top">
            <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
              {PARTICIPANT_ROLE_LABELS[g.role]}
            </th>
            <td className="px-3 py-2">
              {g.enterprises.length ? <EnterpriseLinks enterprises={g.enterprises} /> : <span className="text-muted">未登记</span>}
              {g.keyPeople.length > 0 && (
                <div className="mt-1 text-sm sm:hidden">
                  <KeyPeople people={g.keyPeople} />
                </div>
              )}
            </td>
            <td className="hidden px-3 py-2 sm:table-cell">{g.keyPeople.length ? <KeyPeople people={g.keyPeople} /> : <span className="text-muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
