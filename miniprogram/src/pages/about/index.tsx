import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { hooks } from '../../components/a11y'
import { formatDateTime } from '../../lib/format'
import type { KeyStatus } from '../../lib/keys'
import { describePortalOrigin } from '../../lib/portal-origin'
import { heldKeyViews, keySourceLine } from '../../lib/screen-views'
import { services } from '../../services'
import './index.css'

export default function AboutPage() {
  const [status, setStatus] = useState<KeyStatus>(() => services.keys.status())
  const [refreshing, setRefreshing] = useState(false)
  const portal = describePortalOrigin(services.origin)

  useDidShow(() => setStatus(services.keys.status()))

  async function refresh() {
    setRefreshing(true)
    await services.keys.refresh(services.api)
    setStatus(services.keys.status())
    setRefreshing(false)
  }

  const now = new Date()
  return (
    <View className='page'>
      <View className='card about-first'>
        <Text className='card__title'>所连接的平台</Text>
        <Text className='mono' data-testid='portal-origin'>
          {portal.origin}
        </Text>
        {portal.note && <Text className='note tone--warn'>{portal.note}</Text>}
        <Text className='muted about-gap'>平台地址在构建时确定，证书二维码指向其他网址的一律判为“假”。</Text>
      </View>

      <View className='card' data-testid='keys'>
        <Text className='card__title'>核验公钥</Text>
        <Text className='muted'>{keySourceLine(status, now)}</Text>
        {heldKeyViews(status).map((k) => (
          <View key={k.title} className='item' data-testid='key-item'>
            <Text className='item__title'>{k.title}</Text>
            <Text className='item__line mono'>{k.detail}</Text>
          </View>
        ))}
        {status.keys.length === 0 && <Text className='note tone--warn'>本机没有平台公钥，无信号时无法核验签名。</Text>}
        {status.bundledError && <Text className='note tone--bad'>安装包内置的公钥无法使用：{status.bundledError}</Text>}
        {status.lastAttempt && (
          <Text className={`note ${status.lastAttempt.ok ? 'tone--good' : 'tone--warn'}`} data-testid='keys-last-attempt'>
            {formatDateTime(status.lastAttempt.at, now)}：{status.lastAttempt.message}
          </Text>
        )}
        <Button
          className={refreshing ? 'btn btn--primary btn--off about-gap' : 'btn btn--primary about-gap'}
          disabled={refreshing ? true : undefined}
          onClick={refresh}
          {...hooks({ testId: 'keys-refresh' })}
        >
          {refreshing ? '正在更新…' : '立即从平台更新公钥'}
        </Button>
      </View>

      <View className='card'>
        <Text className='card__title'>说明</Text>
        <Text className='about-para'>
          “真”表示二维码由平台签发且内容未被篡改，依据是本机保存的平台公钥，无信号也能判断；证书当前是否有效（有效、已撤销、已过期、已替换）只有联网向平台查询才能确认，结果页会写明是否已联网确认。
        </Text>
        <Text className='about-para'>核验记录只保存在本机（最多 50 条），可在“记录”页清空。</Text>
        <Text className='about-para'>
          运行要求：微信 8.0 及以上；iPhone 须 iOS 14 及以上（离线核验签名需要较新的系统）。网页版须使用 2020 年以后的浏览器。
        </Text>
        <Text className='muted about-gap'>本版本构建于 {formatDateTime(status.builtAt, now)}</Text>
      </View>
    </View>
  )
}
