import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { hooks } from '../../components/a11y'
import { historyItemView, type HistoryItemView } from '../../lib/screen-views'
import { services } from '../../services'
import './index.css'

function load(): HistoryItemView[] {
  const now = new Date()
  return services.history.list().map((e) => historyItemView(e, now))
}

export default function HistoryPage() {
  const [items, setItems] = useState<HistoryItemView[]>(load)
  const [confirming, setConfirming] = useState(false)

  // a tab page stays mounted: re-read the store each time it is shown
  useDidShow(() => {
    setItems(load())
    setConfirming(false)
  })

  function clear() {
    services.history.clear()
    setItems(load())
    setConfirming(false)
  }

  return (
    <View className='page'>
      <View className='history-head'>
        <Text className='muted'>最近 {items.length} 次扫码，保存在本机，无网络也可查看。</Text>
        {items.length > 0 && !confirming && (
          <Button className='btn history-clear' onClick={() => setConfirming(true)} {...hooks({ testId: 'history-clear', label: '清空记录' })}>
            清空记录
          </Button>
        )}
      </View>

      {confirming && (
        <View className='note tone--warn' {...hooks({ role: 'alertdialog', label: '确认清空记录' })}>
          <Text>清空后无法恢复。确定要清空本机的全部核验记录吗？</Text>
          <View className='row history-confirm'>
            <Button className='btn' onClick={() => setConfirming(false)} {...hooks({ testId: 'history-clear-cancel' })}>
              取消
            </Button>
            <Button className='btn btn--danger' onClick={clear} {...hooks({ testId: 'history-clear-confirm' })}>
              确认清空
            </Button>
          </View>
        </View>
      )}

      {items.length === 0 ? (
        <Text className='note tone--info' {...hooks({ testId: 'history-empty' })}>
          还没有核验记录。扫码后结果会保存在这里。
        </Text>
      ) : (
        <View className='card' {...hooks({ testId: 'history-list', role: 'list', label: '核验记录' })}>
          {items.map((item) => (
            <View
              key={item.id}
              className='item'
              data-entry-id={item.id}
              data-tone={item.tone}
              onClick={() => Taro.navigateTo({ url: `/pages/result/index?id=${encodeURIComponent(item.id)}` })}
              {...hooks({ testId: 'history-item', role: 'listitem' })}
            >
              <View className='history-item__head'>
                <Text className={`history-item__verdict tone--${item.tone}`} data-testid='history-item-verdict'>
                  {item.title}
                </Text>
                <Text className='muted'>{item.time}</Text>
              </View>
              <Text className='item__line'>{item.certificate}</Text>
              <Text className='item__line'>{item.project}</Text>
              <Text className='history-item__note'>{item.note}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
