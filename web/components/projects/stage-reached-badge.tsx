import { STAGE_LABELS, STAGE_ORDER, type Stage } from '@shared/domain/stages'
import { StatusBadge } from '@web/components/status-badge'

/** How far a project has got, in words: "已办理至施工许可（4/5）"; green once the completion is filed. */
export function StageReachedBadge({ stage }: { stage: Stage | null }) {
  if (!stage) return <StatusBadge tone="neutral">尚未办理</StatusBadge>
  const n = STAGE_ORDER.indexOf(stage) + 1
  return (
    <StatusBadge tone={stage === 'COMPLETION_FILING' ? 'good' : 'neutral'}>
      已办理至{STAGE_LABELS[stage]}（{n}/{STAGE_ORDER.length}）
    </StatusBadge>
  )
}
