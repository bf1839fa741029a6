import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { hooks } from '../../components/a11y'
import { FactList } from '../../components/facts'
import { GradeBlock } from '../../components/grade'
import { describeFailure } from '../../lib/api-client'
import { loadCertificateDetails, type CertificateDetails } from '../../lib/details'
import { canRetry, certificateFacts } from '../../lib/screen-views'
import { describeVerdict, isValidVerdict, type Verdict } from '../../lib/verdict'
import { services } from '../../services'
import './index.css'

type DetailsState = { state: 'none' } | { state: 'loading' } | { state: 'done'; details: CertificateDetails }

function openSubject(kind: 'enterprise' | 'practitioner', id: string) {
  Taro.navigateTo({ url: `/pages/subject/index?kind=${kind}&id=${encodeURIComponent(id)}` })
}

export default function ResultPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const entry = useMemo(() => services.history.get(id), [id])
  const [verdict, setVerdict] = useState<Verdict | null>(entry?.verdict ?? null)
  const [details, setDetails] = useState<DetailsState>({ state: 'none' })

  // Completes a pending scan (bounded by the API deadlines); a finished one is returned as stored.
  useEffect(() => {
    let alive = true
    if (entry) {
      services.completeScan(entry.id).then((v) => {
        if (alive && v) setVerdict(v)
      })
    }
    return () => {
      alive = false
    }
  }, [entry])

  const genuineOnline = verdict?.authenticity === 'GENUINE' && verdict.confirmation.mode === 'ONLINE'
  const projectCode = verdict?.certificate?.projectCode
  useEffect(() => {
    let alive = true
    if (genuineOnline && projectCode) {
      setDetails({ state: 'loading' })
      loadCertificateDetails(services.api, projectCode).then((d) => {
        if (alive) setDetails({ state: 'done', details: d })
      })
    }
    return () => {
      alive = false
    }
  }, [genuineOnline, projectCode])

  if (!entry || !verdict) {
    return (
      <View className='page'>
        <Text className='note tone--warn' {...hooks({ testId: 'result-missing', role: 'alert' })}>
          未找到这次核验的记录（可能已被清空）。请重新扫码。
        </Text>
        <Button className='btn btn--primary result-actions' onClick={() => Taro.switchTab({ url: '/pages/scan/index' })}>
          去扫码
        </Button>
      </View>
    )
  }

  const view = describeVerdict(verdict, new Date())
  const facts = certificateFacts(verdict, entry.scannedAt, new Date())

  function verifyAgain() {
    const { entry: again } = services.startScan(entry!.text)
    Taro.redirectTo({ url: `/pages/result/index?id=${encodeURIComponent(again.id)}` })
  }

  return (
    <View className='page'>
      <View
        className={`verdict tone--${view.tone}`}
        data-authenticity={verdict.authenticity}
        data-status={verdict.status}
        data-valid={isValidVerdict(verdict)}
        {...hooks({ testId: 'verdict', role: 'status', live: 'polite', label: `核验结果：${view.title}` })}
      >
        <View className='verdict__words'>
          <Text className='verdict__word' data-testid='verdict-word'>
            {view.word}
          </Text>
          {view.statusWord && (
            <Text className='verdict__status' data-testid='verdict-status'>
              {view.statusWord}
            </Text>
          )}
        </View>
        <Text className='verdict__message' data-testid='verdict-message'>
          {verdict.message}
        </Text>
      </View>

      <Text
        className={`note tone--${view.confirmationTone}`}
        data-mode={verdict.confirmation.mode}
        {...hooks({ testId: 'verdict-confirmation', role: 'status', live: 'polite' })}
      >
        {view.confirmationLine}
      </Text>
      {view.testKeyWarning && <Text className='note tone--bad'>{view.testKeyWarning}</Text>}
      {view.revocationLine && (
        <Text className={`note tone--${verdict.revocationList?.result === 'REVOKED' ? 'warn' : 'info'}`} data-result={verdict.revocationList?.result} {...hooks({ testId: 'verdict-revocation-list' })}>
          {view.revocationLine}
        </Text>
      )}
      {view.logLine && (
        <Text className={`note tone--${view.logTone}`} data-included={verdict.logInclusion?.ok ? 'true' : 'false'} {...hooks({ testId: 'verdict-log' })}>
          {view.logLine}
        </Text>
      )}

      <View className='row result-actions'>
        {canRetry(verdict) && (
          <Button className='btn' onClick={verifyAgain} {...hooks({ testId: 'verify-again' })}>
            重新核验
          </Button>
        )}
        <Button className='btn btn--primary' onClick={() => Taro.switchTab({ url: '/pages/scan/index' })} {...hooks({ testId: 'scan-next' })}>
          继续扫码
        </Button>
      </View>

      {facts.length > 0 && (
        <View className='card' data-testid='certificate-facts'>
          <Text className='card__title'>证书信息</Text>
          <FactList facts={facts} />
        </View>
      )}

      {verdict.authenticity !== 'GENUINE' && (
        <View className='card'>
          <Text className='card__title'>二维码内容</Text>
          <Text className='mono muted' userSelect data-testid='scanned-text'>
            {entry.text || '（空）'}
          </Text>
        </View>
      )}

      {verdict.authenticity === 'GENUINE' && !genuineOnline && (
        <Text className='note tone--info'>联网确认后，这里会显示项目的参建单位、关键岗位人员和施工单位的信用等级。</Text>
      )}

      {details.state === 'loading' && <Text className='note tone--info'>正在加载项目和参建单位…</Text>}
      {details.state === 'done' && <ProjectDetails details={details.details} />}
    </View>
  )
}

function ProjectDetails({ details }: { details: CertificateDetails }) {
  if (!details.project) {
    return <Text className='note tone--warn'>项目信息未能加载（{describeFailure(details.projectFailure!)}）。</Text>
  }
  const p = details.project
  return (
    <View data-testid='project-details'>
      <View className='card'>
        <Text className='card__title'>工程项目</Text>
        <FactList
          facts={[
            { label: '项目名称', value: p.name },
            { label: '项目编码', value: p.projectCode },
            { label: '工程类别', value: p.category },
            { label: '所在地区', value: p.region },
            { label: '建设地点', value: p.address },
            { label: '登记日期', value: p.registeredOn },
          ]}
        />
      </View>

      <View className='card' data-testid='participants'>
        <Text className='card__title'>参建单位和关键岗位人员</Text>
        {p.participants.length === 0 && <Text className='muted'>平台没有该项目的参建单位记录。</Text>}
        {p.participants.map((part) => (
          <View key={part.role} className='item'>
            <Text className='item__title'>{part.roleLabel}</Text>
            {part.enterprises.map((e) => (
              <Text key={e.uscc} className='item__line link' onClick={() => openSubject('enterprise', e.uscc)}>
                {e.name}（{e.uscc}）
              </Text>
            ))}
            {part.keyPeople.map((k) => (
              <Text key={`${k.role}-${k.id}`} className='item__line link' onClick={() => openSubject('practitioner', k.id)}>
                {k.roleLabel}：{k.name}
              </Text>
            ))}
          </View>
        ))}
      </View>

      <View className='card' data-testid='contractor-grades'>
        <Text className='card__title'>施工单位信用等级</Text>
        {details.contractors.length === 0 && <Text className='muted'>平台没有该项目的施工单位记录。</Text>}
        {details.contractors.map((c) => (
          <View key={c.uscc} className='item' onClick={() => openSubject('enterprise', c.uscc)}>
            <Text className='item__title link'>{c.name}</Text>
            {c.failure ? <Text className='muted'>信用等级未能加载（{describeFailure(c.failure)}）</Text> : <GradeBlock grade={c.grade} />}
          </View>
        ))}
      </View>
    </View>
  )
}
