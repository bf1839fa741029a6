import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ScanSource } from '../../components/scan-source'
import { hooks } from '../../components/a11y'
import { keySummary, statusListSummary } from '../../lib/screen-views'
import { services } from '../../services'
import './index.css'

export default function ScanPage() {
  const [keys, setKeys] = useState(() => keySummary(services.keys.status(), new Date()))
  const [list, setList] = useState(() => statusListSummary(services.transparency.status(), new Date()))
  // a camera loop or a double tap must not open two result pages
  const navigating = useRef(false)

  useDidShow(() => {
    navigating.current = false
    setKeys(keySummary(services.keys.status(), new Date()))
    services.refreshKeysIfStale().then(() => setKeys(keySummary(services.keys.status(), new Date())))
    const showList = () => setList(statusListSummary(services.transparency.status(), new Date()))
    showList()
    // follows the launch refresh when that is still running
    services.refreshLogIfStale().then(showList)
  })

  function onText(text: string) {
    if (navigating.current) return
    navigating.current = true
    const { entry } = services.startScan(text)
    Taro.navigateTo({ url: `/pages/result/index?id=${encodeURIComponent(entry.id)}` }).catch(() => {
      navigating.current = false
    })
  }

  return (
    <View className='page'>
      <View className='hero'>
        <Text className='hero__title'>工程建设诚信核验</Text>
        <Text className='hero__desc'>扫描施工许可证或竣工验收备案证明上的二维码，核验真伪和当前状态。</Text>
      </View>

      <ScanSource onText={onText} />

      <Text className={`note tone--${keys.tone}`} {...hooks({ testId: 'key-summary' })}>
        {keys.line}
      </Text>
      <Text className={`note tone--${list.tone}`} data-issued-at={list.issuedAt ?? ''} {...hooks({ testId: 'status-list-summary' })}>
        {list.line}
      </Text>

      <View className='card'>
        <Text className='card__title'>核验过程</Text>
        <Text className='steps__item'>1. 用本机保存的平台公钥离线核验二维码的数字签名，无信号也能判断真伪。</Text>
        <Text className='steps__item'>2. 有信号时向平台查询证书当前状态（有效、已撤销、已过期、已替换），并核验其已收录于公开日志。</Text>
        <Text className='steps__item'>无信号时，本机保存的平台签名撤销名单仍能查出此前联网核验过、后来被撤销的证书。</Text>
        <Text className='steps__item'>3. 结果保存在“记录”中，无网络时也可查看。</Text>
      </View>
    </View>
  )
}
