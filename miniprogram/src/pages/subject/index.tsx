import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { hooks } from '../../components/a11y'
import { FactList } from '../../components/facts'
import { GradeBlock } from '../../components/grade'
import { describeFailure } from '../../lib/api-client'
import { loadSubject, RECENT_RECORDS, type SubjectRef, type SubjectResult } from '../../lib/lookup'
import { services } from '../../services'
import './index.css'

function refOf(params: Record<string, string | undefined>): SubjectRef | null {
  const id = decodeURIComponent(params.id ?? '')
  if (!id) return null
  if (params.kind === 'enterprise') return { kind: 'enterprise', uscc: id }
  if (params.kind === 'practitioner') return { kind: 'practitioner', id }
  return null
}

export default function SubjectPage() {
  const { params } = useRouter()
  const ref = refOf(params)
  const key = ref ? `${ref.kind}:${ref.kind === 'enterprise' ? ref.uscc : ref.id}` : ''
  const [result, setResult] = useState<SubjectResult | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let alive = true
    if (ref) {
      setResult(null)
      loadSubject(services.api, ref).then((r) => {
        if (alive) setResult(r)
      })
    }
    return () => {
      alive = false
    }
    // ref is rebuilt each render; key identifies it
  }, [key, attempt])

  if (!ref) return <Text className='note tone--warn'>缺少要查询的企业或人员。</Text>
  if (!result) {
    return (
      <View className='page'>
        <Text className='note tone--info'>正在加载…</Text>
      </View>
    )
  }
  if (!result.ok) {
    return (
      <View className='page'>
        <Text className='note tone--warn' {...hooks({ role: 'alert' })}>
          未能加载：{describeFailure(result.failure)}
        </Text>
        <Button className='btn subject-retry' onClick={() => setAttempt((n) => n + 1)}>
          重试
        </Button>
      </View>
    )
  }

  const v = result.view
  return (
    <View className='page' data-testid='subject'>
      <View className='card subject-head'>
        <Text className='subject-name'>{v.name}</Text>
        <Text className='muted mono'>{v.code}</Text>
      </View>

      <View className='card'>
        <Text className='card__title'>信用等级</Text>
        <GradeBlock grade={v.grade} testId='subject-grade' />
        <Text className='muted subject-counts'>
          诚信记录 {v.recordCounts.total} 条：良好 {v.recordCounts.good}，不良 {v.recordCounts.bad}，公示中 {v.recordCounts.public}
        </Text>
      </View>

      <View className='card' data-testid='subject-records'>
        <Text className='card__title'>近期诚信记录</Text>
        {v.recordsFailure && <Text className='muted'>记录未能加载：{describeFailure(v.recordsFailure)}</Text>}
        {!v.recordsFailure && v.records.length === 0 && <Text className='muted'>没有诚信记录。</Text>}
        {v.records.map((r) => (
          <View key={r.id} className='item'>
            <View className='record-head'>
              <Text className={`record-kind ${r.good ? 'tone--good' : 'tone--bad'}`}>{r.kind}</Text>
              <Text className='record-points'>{r.points} 分</Text>
            </View>
            <Text className='item__title'>{r.title}</Text>
            <Text className='item__line'>
              {r.decidedOn} · {r.issuedBy} · {r.decisionNumber}
            </Text>
            <Text className='item__line'>
              {r.category} · {r.publication}
            </Text>
            {r.project && <Text className='item__line'>项目：{r.project}</Text>}
          </View>
        ))}
        {v.recordsTotal > RECENT_RECORDS && <Text className='muted'>共 {v.recordsTotal} 条，这里显示最近 {RECENT_RECORDS} 条；全部记录请在平台网站查看。</Text>}
      </View>

      <View className='card'>
        <Text className='card__title'>基本信息</Text>
        <FactList facts={v.facts} />
      </View>

      {v.credentials.length > 0 && (
        <View className='card'>
          <Text className='card__title'>{v.kind === 'enterprise' ? '资质' : '注册执业'}</Text>
          {v.credentials.map((c) => (
            <Text key={c} className='item__line subject-credential'>
              {c}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
