import { RECORD_KIND_LABELS, type RecordKind } from '@shared/domain/enums'
import { StatusBadge } from '../status-badge'

export function RecordKindBadge({ kind }: { kind: RecordKind }) {
  return <StatusBadge tone={kind === 'GOOD' ? 'good' : 'bad'}>{RECORD_KIND_LABELS[kind]}</StatusBadge>
}
