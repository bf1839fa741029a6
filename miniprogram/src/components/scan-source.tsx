// WeChat: the scanner of the WeChat client (Taro.scanCode), which offers the camera and, in
// its top-right corner, a photo from the album. The H5 build uses scan-source.h5.tsx instead
// (Taro picks the .h5 file for TARO_ENV=h5).
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { hooks } from './a11y'

export interface ScanSourceProps {
  /** called with the text of the QR code found */
  onText(text: string): void
}

export function ScanSource({ onText }: ScanSourceProps) {
  const [problem, setProblem] = useState<string | null>(null)

  function scan() {
    setProblem(null)
    Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] }).then(
      (res) => onText(res.result),
      (err: { errMsg?: string }) => {
        // closing the scanner is not a problem
        if (/cancel/i.test(err?.errMsg ?? '')) return
        setProblem(`未能扫码（${err?.errMsg ?? '未知原因'}）。请检查微信的摄像头权限后重试。`)
      },
    )
  }

  return (
    <View className='scan-source'>
      <Button className='scan-button' onClick={scan} {...hooks({ testId: 'scan-button', label: '扫描证书二维码' })}>
        扫描证书二维码
      </Button>
      <Text className='scan-source__hint'>对准证书上的二维码；也可在扫码界面右上角选择相册中的照片。</Text>
      {problem && (
        <Text className='note tone--warn' {...hooks({ testId: 'scan-status', role: 'status', live: 'polite' })}>
          {problem}
        </Text>
      )}
    </View>
  )
}
