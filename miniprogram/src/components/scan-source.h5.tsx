// H5: a photo (the file picker offers the camera or the album on a phone) or the live camera
// through getUserMedia, decoded in the browser with jsqr (src/lib/qr-image.ts). The native
// <input type="file"> carries the e2e hook `scan-upload-input`.
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import { cameraFrameSize, decodeQr, findQrInPicture, type Pixels } from '../lib/qr-image'
import { hooks } from './a11y'
import type { ScanSourceProps } from './scan-source'

type Status = { tone: 'info' | 'warn'; text: string } | null

/** How often a camera frame is decoded: often enough to feel instant, rare enough for old phones. */
const FRAME_INTERVAL_MS = 200

function drawer(source: CanvasImageSource, canvas: HTMLCanvasElement) {
  return (width: number, height: number): Pixels | null => {
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d', { willReadFrequently: true } as CanvasRenderingContext2DSettings)
    if (!ctx) return null
    ctx.drawImage(source, 0, 0, width, height)
    return ctx.getImageData(0, 0, width, height)
  }
}

async function loadPicture(file: File): Promise<{ source: CanvasImageSource; width: number; height: number; release(): void }> {
  if (typeof createImageBitmap === 'function') {
    // honours the photo's EXIF orientation, so a portrait phone photo is not decoded sideways
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' } as ImageBitmapOptions)
    return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() }
  }
  const url = URL.createObjectURL(file)
  const img = new Image()
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve()
    img.onerror = () => reject(new Error('image'))
    img.src = url
  })
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) }
}

function cameraProblem(error: unknown): string {
  const name = error && typeof error === 'object' && 'name' in error ? String((error as { name: unknown }).name) : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return '未获得摄像头权限。请在浏览器设置中允许使用摄像头，或改用“拍照或选择图片”。'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的摄像头，请改用“拍照或选择图片”。'
  return '无法打开摄像头，请改用“拍照或选择图片”。'
}

export function ScanSource({ onText }: ScanSourceProps) {
  const [status, setStatus] = useState<Status>(null)
  const [cameraOn, setCameraOn] = useState(false)
  const videoRef = useRef<HTMLVideoElement | null>(null)
  const streamRef = useRef<MediaStream | null>(null)
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null)
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const onTextRef = useRef(onText)
  onTextRef.current = onText

  const canvas = () => (canvasRef.current ??= document.createElement('canvas'))

  function stopCamera() {
    if (timerRef.current) clearTimeout(timerRef.current)
    timerRef.current = null
    streamRef.current?.getTracks().forEach((t) => t.stop())
    streamRef.current = null
    if (videoRef.current) videoRef.current.srcObject = null
    setCameraOn(false)
  }

  useEffect(() => stopCamera, [])

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const input = e.target
    const file = input.files?.[0]
    // cleared so that choosing the same photo again fires a change
    input.value = ''
    if (!file) return
    stopCamera()
    setStatus({ tone: 'info', text: '正在识别图片中的二维码…' })
    // let the status paint before the (synchronous) decoding
    await new Promise((r) => setTimeout(r, 16))
    let picture: Awaited<ReturnType<typeof loadPicture>> | null = null
    try {
      picture = await loadPicture(file)
      const text = findQrInPicture(picture.width, picture.height, drawer(picture.source, canvas()))
      if (text === null) {
        setStatus({ tone: 'warn', text: '图片中没有找到二维码。请让二维码完整、清晰地占据画面的大部分后重试。' })
        return
      }
      setStatus(null)
      onTextRef.current(text)
    } catch {
      setStatus({ tone: 'warn', text: '无法读取这张图片，请换一张照片重试。' })
    } finally {
      picture?.release()
    }
  }

  function scanFrame() {
    const video = videoRef.current
    if (!video || !streamRef.current) return
    if (video.readyState >= 2 && video.videoWidth > 0) {
      const size = cameraFrameSize(video.videoWidth, video.videoHeight)
      const pixels = drawer(video, canvas())(size.width, size.height)
      const text = pixels ? decodeQr(pixels) : null
      if (text !== null) {
        stopCamera()
        setStatus(null)
        onTextRef.current(text)
        return
      }
    }
    timerRef.current = setTimeout(scanFrame, FRAME_INTERVAL_MS)
  }

  async function startCamera() {
    if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== 'function') {
      setStatus({ tone: 'warn', text: '此页面不能使用摄像头（需要 HTTPS 访问），请改用“拍照或选择图片”。' })
      return
    }
    setStatus({ tone: 'info', text: '正在打开摄像头…' })
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      streamRef.current = stream
      setCameraOn(true)
      const video = videoRef.current
      if (video) {
        video.srcObject = stream
        await video.play().catch(() => undefined)
      }
      setStatus({ tone: 'info', text: '请将证书上的二维码对准取景框。' })
      scanFrame()
    } catch (error) {
      stopCamera()
      setStatus({ tone: 'warn', text: cameraProblem(error) })
    }
  }

  return (
    <View className='scan-source'>
      <label className='scan-button scan-button--label'>
        拍照或选择图片
        <input
          className='visually-hidden'
          type='file'
          accept='image/*'
          data-testid='scan-upload-input'
          aria-label='上传证书二维码照片'
          onChange={onFile}
        />
      </label>
      <View className='row scan-source__camera'>
        {cameraOn ? (
          <Button className='btn' onClick={stopCamera} {...hooks({ testId: 'scan-camera-stop' })}>
            关闭摄像头
          </Button>
        ) : (
          <Button className='btn' onClick={startCamera} {...hooks({ testId: 'scan-camera-start' })}>
            用摄像头实时扫码
          </Button>
        )}
      </View>
      <video
        ref={videoRef}
        className={cameraOn ? 'scan-video' : 'scan-video scan-video--off'}
        playsInline
        muted
        aria-label='摄像头取景'
      />
      <Text className='scan-source__hint'>照片中二维码越大越清晰，识别越快。</Text>
      {status && (
        <Text className={`note tone--${status.tone}`} {...hooks({ testId: 'scan-status', role: 'status', live: 'polite' })}>
          {status.text}
        </Text>
      )}
    </View>
  )
}
