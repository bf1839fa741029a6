import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { hooks } from '../../components/a11y'
import { describeFailure } from '../../lib/api-client'
import { parseLookupQuery, searchSubjects, type LookupQuery, type LookupResults } from '../../lib/lookup'
import { services } from '../../services'
import './index.css'

type State =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string }
  | { kind: 'loading'; query: Extract<LookupQuery, { ok: true }> }
  | { kind: 'done'; query: Extract<LookupQuery, { ok: true }>; results: LookupResults }

function open(kind: 'enterprise' | 'practitioner', id: string) {
  Taro.navigateTo({ url: `/pages/subject/index?kind=${kind}&id=${encodeURIComponent(id)}` })
}

export default function LookupPage() {
  const [input, setInput] = useState('')
  const [state, setState] = useState<State>({ kind: 'idle' })
  // answers to an older search that arrive late are dropped
  const sequence = useRef(0)

  async function search() {
    const query = parseLookupQuery(input)
    if (!query.ok) {
      setState({ kind: 'invalid', message: query.message })
      return
    }
    const mine = ++sequence.current
    setState({ kind: 'loading', query })
    const results = await searchSubjects(services.api, query)
    if (mine === sequence.current) setState({ kind: 'done', query, results })
  }

  const query = state.kind === 'loading' || state.kind === 'done' ? state.query : null
  const usccNote = query?.uscc && query.uscc.status === 'invalid' ? query.uscc : null

  return (
    <View className='page'>
      <View className='card lookup-box'>
        <Text className='card__title'>查企业和从业人员</Text>
        <Text className='card__hint'>输入单位名称、统一社会信用代码、人员姓名或注册编号，查看信用等级和近期诚信记录。</Text>
        <Input
          className='lookup-input'
          type='text'
          value={input}
          maxlength={100}
          placeholder='如：海南示例建设 / 9146… / 琼146…'
          placeholderClass='lookup-input__placeholder'
          confirmType='search'
          onInput={(e) => setInput(e.detail.value)}
          onConfirm={search}
          {...hooks({ testId: 'lookup-input', label: '查询内容' })}
        />
        <Button className='btn btn--primary lookup-button' onClick={search} {...hooks({ testId: 'lookup-submit' })}>
          查询
        </Button>
      </View>

      {state.kind === 'invalid' && <Text className='note tone--warn'>{state.message}</Text>}
      {usccNote && (
        <View className='note tone--warn'>
          <Text>统一社会信用代码有误：{usccNote.message}</Text>
          <Text>{usccNote.detail}</Text>
        </View>
      )}
      {state.kind === 'loading' && <Text className='note tone--info'>正在查询…</Text>}

      {state.kind === 'done' && (
        <View data-testid='lookup-results'>
          <View className='card'>
            <Text className='card__title'>企业</Text>
            {!state.results.enterprises.ok ? (
              <Text className='muted'>查询失败：{describeFailure(state.results.enterprises.failure)}</Text>
            ) : state.results.enterprises.data.length === 0 ? (
              <Text className='muted'>没有找到匹配的企业。</Text>
            ) : (
              <>
                {state.results.enterprises.data.map((e) => (
                  <View key={e.uscc} className='item' onClick={() => open('enterprise', e.uscc)} data-testid='lookup-enterprise'>
                    <Text className='item__title link'>{e.name}</Text>
                    <Text className='item__line'>
                      {e.uscc} · {e.type} · {e.region}
                    </Text>
                  </View>
                ))}
                <MoreNote shown={state.results.enterprises.data.length} total={state.results.enterprises.total} />
              </>
            )}
          </View>

          {state.results.practitioners && (
            <View className='card'>
              <Text className='card__title'>从业人员</Text>
              {!state.results.practitioners.ok ? (
                <Text className='muted'>查询失败：{describeFailure(state.results.practitioners.failure)}</Text>
              ) : state.results.practitioners.data.length === 0 ? (
                <Text className='muted'>没有找到匹配的从业人员。</Text>
              ) : (
                <>
                  {state.results.practitioners.data.map((p) => (
                    <View key={p.id} className='item' onClick={() => open('practitioner', p.id)} data-testid='lookup-practitioner'>
                      <Text className='item__title link'>
                        {p.name}（{p.idNumberMasked}）
                      </Text>
                      <Text className='item__line'>{p.employer}</Text>
                      {p.registrations.map((r) => (
                        <Text key={r} className='item__line'>
                          {r}
                        </Text>
                      ))}
                    </View>
                  ))}
                  <MoreNote shown={state.results.practitioners.data.length} total={state.results.practitioners.total} />
                </>
              )}
            </View>
          )}
        </View>
      )}
    </View>
  )
}

function MoreNote({ shown, total }: { shown: number; total?: number }) {
  if (total === undefined || total <= shown) return null
  return <Text className='muted'>共 {total} 条，只显示前 {shown} 条，请输入更完整的名称或代码。</Text>
}
