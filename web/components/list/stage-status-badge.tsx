import { STAGE_STATUS_LABELS, type StageStatus } from '@shared/domain/enums'
import { StatusBadge } from '../status-badge'

export function StageStatusBadge({ status }: { status: StageStatus }) {
  return <StatusBadge tone={status === 'ACTIVE' ? 'good' : status === 'REVOKED' ? 'bad' : 'neutral'}>{STAGE_STATUS_LABELS[status]}</StatusBadge>
}
