import { Button, Input, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { portalOrigin } from '../../lib/build-env'
import { describePortalOrigin } from '../../lib/portal-origin'
import { checkUsccInput, markedCharacters, USCC_LENGTH } from '../../lib/uscc-check'
import './index.css'

/** Gaps after positions 2, 8 and 17 show the code's parts: authority+type, region, org code, check. */
function charClass(position: number, marked: boolean): string {
  let cls = 'code__char'
  if (position === 2 || position === 8 || position === 17) cls += ' code__char--gap'
  if (marked) cls += ' code__char--marked'
  return cls
}

export default function Index() {
  const [input, setInput] = useState('')
  const [final, setFinal] = useState(false)
  const check = useMemo(() => checkUsccInput(input, { final }), [input, final])
  const chars = useMemo(() => markedCharacters(check), [check])
  const portal = describePortalOrigin(portalOrigin)
  const canCheck = check.status !== 'empty'
  const canClear = input !== ''

  return (
    <View className='page'>
      <View className='hero'>
        <Text className='hero__title'>工程建设诚信核验</Text>
        <Text className='hero__desc'>
          供现场检查人员使用的海南省工程建设诚信核验工具。扫码核验施工许可证和竣工验收备案证书的功能将在后续版本提供。
        </Text>
      </View>

      <View className='card'>
        <Text className='card__title'>统一社会信用代码校验</Text>
        <Text className='card__hint'>输入工地公示牌上单位的{USCC_LENGTH}位统一社会信用代码，检查格式与校验位。</Text>
        <Input
          className='uscc-input'
          type='text'
          value={input}
          maxlength={32}
          placeholder='18位代码，字母不区分大小写'
          placeholderClass='uscc-input__placeholder'
          confirmType='done'
          onInput={(e) => {
            setInput(e.detail.value)
            setFinal(false)
          }}
          onConfirm={() => setFinal(true)}
        />
        <View className='actions'>
          {/* disabled only when true: Taro h5 renders disabled={false} as a [disabled] attribute */}
          <Button
            className={canCheck ? 'btn btn--primary' : 'btn btn--primary btn--off'}
            disabled={canCheck ? undefined : true}
            onClick={() => setFinal(true)}
          >
            校验
          </Button>
          <Button
            className={canClear ? 'btn' : 'btn btn--off'}
            disabled={canClear ? undefined : true}
            onClick={() => {
              setInput('')
              setFinal(false)
            }}
          >
            清空
          </Button>
        </View>

        {chars.length > 0 && (
          <View className='code'>
            {chars.map((c) => (
              <Text key={c.position} className={charClass(c.position, c.marked)}>
                {c.char}
              </Text>
            ))}
          </View>
        )}

        {check.status === 'incomplete' && <Text className='result result--pending'>{check.message}</Text>}
        {check.status === 'invalid' && (
          <View className='result result--bad'>
            <Text className='result__head'>✗ {check.message}</Text>
            <Text className='result__detail'>{check.detail}</Text>
          </View>
        )}
        {check.status === 'valid' && (
          <View className='result result--good'>
            <Text className='result__head'>✓ {check.message}</Text>
            {check.facts.map((f) => (
              <Text key={f} className='result__detail'>
                {f}
              </Text>
            ))}
            <Text className='result__caveat'>{check.caveat}</Text>
          </View>
        )}
      </View>

      <View className='footer'>
        <Text className='footer__line'>所连接的平台：{portal.origin}</Text>
        {portal.note && <Text className='footer__note'>{portal.note}</Text>}
      </View>
    </View>
  )
}
