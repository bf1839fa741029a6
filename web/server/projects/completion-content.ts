// What a completion filing states, checked and stored the same way when it is filed
// (file-completion.ts) and when it is corrected (correct-completion-filing.ts): the acceptance day
// lies between the project's permit and today.
import type { FileCompletionValues } from '@shared/staff-forms/projects'
import { InputError } from '@web/server/lib/errors'
import type { CorrectableCompletionFields } from './certified-stages-repository'
import { storedDate, type ProjectForWrite } from './project-stages-repository'

/** The filing's own facts, as the filing and correcting forms send them (without the project). */
export type CompletionContent = Omit<FileCompletionValues, 'projectCode'>

/** InputError when the acceptance is dated after `today` (the day of the filing or correction). */
export function assertAcceptedBy(acceptedOn: string, today: string): void {
  if (acceptedOn > today) throw new InputError({ acceptedOn: '竣工验收日期不能晚于今天' })
}

/** InputError when the acceptance is dated before the project's (earliest) ACTIVE permit. */
export function assertAcceptedAfterPermit(project: ProjectForWrite, acceptedOn: string): void {
  const permitDay = project.permits.filter((p) => p.status === 'ACTIVE').map((p) => p.issuedOn.toISOString().slice(0, 10)).sort()[0]
  if (acceptedOn < permitDay) throw new InputError({ acceptedOn: `竣工验收日期不能早于施工许可日期 ${permitDay}` })
}

/** The filing row's columns for these facts. */
export function completionColumns(values: CompletionContent) {
  return {
    acceptedOn: storedDate(values.acceptedOn),
    actualCost: values.actualCost.toFixed(2),
    actualArea: values.actualArea ?? null,
  } satisfies CorrectableCompletionFields
}
