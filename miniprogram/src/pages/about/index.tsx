import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { hooks } from '../../components/a11y'
import { formatDateTime } from '../../lib/format'
import type { KeyStatus } from '../../lib/keys'
import { describePortalOrigin } from '../../lib/portal-origin'
import { heldKeyViews, keySourceLine, logView } from '../../lib/screen-views'
import type { TransparencyStatus } from '../../lib/transparency'
import { services } from '../../services'
import './index.css'

export default function AboutPage() {
  const [status, setStatus] = useState<KeyStatus>(() => services.keys.status())
  const [log, setLog] = useState<TransparencyStatus>(() => services.transparency.status())
  const [refreshing, setRefreshing] = useState(false)
  const portal = describePortalOrigin(services.origin)

  useDidShow(() => {
    setStatus(services.keys.status())
    setLog(services.transparency.status())
  })

  async function refresh() {
    setRefreshing(true)
    await Promise.all([services.keys.refresh(services.api), services.transparency.refresh(services.api)])
    setStatus(services.keys.status())
    setLog(services.transparency.status())
    setRefreshing(false)
  }

  const now = new Date()
  const logLines = logView(log, now)
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
          {refreshing ? '正在更新…' : '立即从平台更新公钥和撤销名单'}
        </Button>
      </View>

      <View className='card' data-testid='transparency-log'>
        <Text className='card__title'>公开日志与撤销名单</Text>
        <Text className='muted'>平台把每张证书的签发、替换和撤销记入公开的防篡改日志；撤销名单由日志密钥签名，供无信号时查询。</Text>
        <Text className='item__line mono' data-testid='log-vkey'>
          {logLines.keyLine}
        </Text>
        <Text className='item__line' data-testid='log-checkpoint'>
          {logLines.checkpointLine}
        </Text>
        <Text className='item__line' data-testid='log-status-list'>
          {logLines.statusListLine}
        </Text>
        {logLines.lastAttemptLine && <Text className='note tone--info'>{logLines.lastAttemptLine}</Text>}
        {logLines.alarms.map((a) => (
          <Text key={a} className='note tone--bad' data-testid='log-alarm'>
            {a}
          </Text>
        ))}
      </View>

      <View className='card'>
        <Text className='card__title'>说明</Text>
        <Text className='about-para'>
          “真”表示二维码由平台签发且内容未被篡改，依据是本机保存的平台公钥，无信号也能判断；证书当前是否有效（有效、已撤销、已过期、已替换）要联网向平台查询才能确认，结果页会写明是否已联网确认。无信号时，本机保存的签名撤销名单能查出此前在本机联网核验过、后来被撤销的证书，并注明名单的更新时间；名单过期后不再作为依据。
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
