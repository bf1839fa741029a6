'use client'

// The browser side of /verify: paste the scanned text, upload a photo of the certificate, or point
// the camera at it. Photos and camera frames are decoded here with jsqr (nothing but the decoded
// text leaves the device); the text goes to POST /api/v1/verify, the same check the QR link runs.
import { useCallback, useEffect, useRef, useState } from 'react'
import { decodeQrFromImageData, decodeQrFromPhoto } from '@web/lib/certificates/qr/decode-qr'
import { VerifyVerdict, type VerdictAnswer } from './verify-verdict'

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'answer'; answer: VerdictAnswer; source: string }
  | { kind: 'error'; message: string }

const MAX_PHOTO_BYTES = 25 * 1024 * 1024

async function askPortal(code: string): Promise<State> {
  try {
    const res = await fetch('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    })
    const body = await res.json().catch(() => null)
    if (res.ok && body && typeof body.genuine === 'boolean') {
      // during a rolling deployment this page may reach a server from before `valid`: derive it
      const valid = typeof body.valid === 'boolean' ? body.valid : body.genuine === true && body.status === 'VALID'
      return { kind: 'answer', answer: { ...body, valid } as VerdictAnswer, source: code }
    }
    if (res.status === 429) {
      return { kind: 'error', message: `核验请求过于频繁，请 ${res.headers.get('retry-after') ?? '60'} 秒后再试。` }
    }
    return { kind: 'error', message: body?.error?.message ?? `核验服务暂时不可用（HTTP ${res.status}），请稍后再试。` }
  } catch {
    return { kind: 'error', message: '无法连接核验服务，请检查网络后重试。' }
  }
}

/**
 * The pixels of an image file, drawn on a canvas no larger than maxSide on its long side. jsqr
 * runs on the main thread: 1600 px keeps its slowest pass (full size, when the 1200 px pass
 * finds nothing) to about a second on a phone, and a certificate QR photographed to fill a fair
 * part of the frame still has several pixels per module.
 */
async function pixelsOf(file: File, maxSide = 1600): Promise<ImageData> {
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(bitmap.width * scale))
  canvas.height = Math.max(1, Math.round(bitmap.height * scale))
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('no 2d canvas')
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  return context.getImageData(0, 0, canvas.width, canvas.height)
}

export function CertificateVerifier() {
  const [state, setState] = useState<State>({ kind: 'idle' })
  const [text, setText] = useState('')
  const [camera, setCamera] = useState<'off' | 'starting' | 'on'>('off')
  const [cameraError, setCameraError] = useState<string | null>(null)
  const videoRef = useRef<HTMLVideoElement>(null)
  const streamRef = useRef<MediaStream | null>(null)
  const resultRef = useRef<HTMLDivElement>(null)
  const photoRef = useRef<HTMLInputElement>(null)

  const verify = useCallback(async (code: string) => {
    setState({ kind: 'checking' })
    const next = await askPortal(code)
    setState(next)
    // move focus to the answer so that screen readers and keyboard users land on it
    requestAnimationFrame(() => resultRef.current?.focus())
  }, [])

  const stopCamera = useCallback(() => {
    streamRef.current?.getTracks().forEach((t) => t.stop())
    streamRef.current = null
    setCamera('off')
  }, [])

  useEffect(() => stopCamera, [stopCamera])

  // scan camera frames a few times a second until a QR code is found
  useEffect(() => {
    if (camera !== 'on') return
    const video = videoRef.current
    const canvas = document.createElement('canvas')
    const context = canvas.getContext('2d', { willReadFrequently: true })
    let stopped = false
    const timer = window.setInterval(() => {
      if (stopped || !video || !context || video.readyState < 2) return
      const scale = Math.min(1, 960 / Math.max(video.videoWidth, video.videoHeight))
      canvas.width = Math.round(video.videoWidth * scale)
      canvas.height = Math.round(video.videoHeight * scale)
      context.drawImage(video, 0, 0, canvas.width, canvas.height)
      const found = decodeQrFromImageData(context.getImageData(0, 0, canvas.width, canvas.height))
      if (found) {
        stopped = true
        stopCamera()
        setText(found)
        void verify(found)
      }
    }, 250)
    return () => {
      stopped = true
      window.clearInterval(timer)
    }
  }, [camera, stopCamera, verify])

  async function startCamera() {
    setCameraError(null)
    if (!navigator.mediaDevices?.getUserMedia) {
      setCameraError('此浏览器不支持调用摄像头，请上传证书照片或粘贴核验码。')
      return
    }
    setCamera('starting')
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      streamRef.current = stream
      if (videoRef.current) {
        videoRef.current.srcObject = stream
        await videoRef.current.play()
      }
      setCamera('on')
    } catch {
      setCamera('off')
      setCameraError('无法打开摄像头（可能未授权或设备没有摄像头），请上传证书照片或粘贴核验码。')
    }
  }

  async function onPhoto(event: React.ChangeEvent<HTMLInputElement>) {
    await checkPhoto(event.target)
  }

  // a photo chosen while the page was still loading (before hydration) fired a change event no
  // handler saw: check it once the handlers are there
  useEffect(() => {
    if (photoRef.current?.files?.length) void checkPhoto(photoRef.current)
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  async function checkPhoto(input: HTMLInputElement) {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    if (!file.type.startsWith('image/')) return setState({ kind: 'error', message: '请选择图片文件（JPG、PNG 等）。' })
    if (file.size > MAX_PHOTO_BYTES) return setState({ kind: 'error', message: '图片过大（最大 25 MB），请换一张或裁剪后再试。' })
    setState({ kind: 'checking' })
    // let "正在核验" paint before the decoder takes the main thread
    await new Promise((resolve) => setTimeout(resolve, 0))
    let found: string | null
    try {
      found = decodeQrFromPhoto(await pixelsOf(file))
    } catch {
      return setState({ kind: 'error', message: '无法读取这张图片，请换一张清晰的证书照片。' })
    }
    if (!found) {
      return setState({ kind: 'error', message: '照片中没有找到二维码：请拍清楚证书上的二维码（对准、对焦、避免反光）后再试。' })
    }
    setText(found)
    await verify(found)
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault()
    const code = text.trim()
    if (!code) return setState({ kind: 'error', message: '请输入扫描得到的核验网址或核验码。' })
    if (code.length > 2048) return setState({ kind: 'error', message: '输入过长：核验码最多 2048 个字符。' })
    void verify(code)
  }

  return (
    <div className="mt-4 grid gap-6 lg:grid-cols-2">
      <div className="space-y-6">
        <form onSubmit={onSubmit} aria-labelledby="paste-title" className="space-y-2">
          <h2 id="paste-title" className="text-lg font-bold text-brand-900">
            1. 粘贴核验网址或核验码
          </h2>
          <label htmlFor="verify-code" className="block">
            扫码得到的文字（以本平台网址开头，或 152 位核验码）
          </label>
          <textarea
            id="verify-code"
            name="code"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="w-full rounded border border-line p-2 font-mono text-sm break-all"
            spellCheck={false}
            autoComplete="off"
          />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-900">
            核验
          </button>
        </form>
        <div className="space-y-2">
          <h2 className="text-lg font-bold text-brand-900">2. 上传证书照片</h2>
          <label htmlFor="verify-photo" className="block">
            拍摄或选择含二维码的证书照片（在本机识别，照片不会上传）
          </label>
          <input id="verify-photo" ref={photoRef} type="file" accept="image/*" onChange={onPhoto} className="block w-full" />
        </div>
        <div className="space-y-2">
          <h2 className="text-lg font-bold text-brand-900">3. 用摄像头扫描</h2>
          {camera === 'off' ? (
            <button type="button" onClick={startCamera} className="rounded border border-brand-700 px-4 py-2 font-bold text-brand-700">
              打开摄像头
            </button>
          ) : (
            <button type="button" onClick={stopCamera} className="rounded border border-brand-700 px-4 py-2 font-bold text-brand-700">
              关闭摄像头
            </button>
          )}
          {cameraError && <p role="alert">{cameraError}</p>}
          <video ref={videoRef} muted playsInline className={camera === 'off' ? 'hidden' : 'w-full max-w-md rounded border border-line'} aria-label="摄像头画面：将证书二维码置于画面中央" />
        </div>
      </div>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" aria-busy={state.kind === 'checking'}>
        {state.kind === 'idle' && <p className="text-ink/70">核验结果将显示在这里。</p>}
        {state.kind === 'checking' && <p className="text-lg">正在核验……</p>}
        {state.kind === 'error' && (
          <p role="alert" className="border-l-4 border-seal bg-red-50 px-4 py-3">
            {state.message}
          </p>
        )}
        {state.kind === 'answer' && <VerifyVerdict answer={state.answer} />}
      </div>
    </div>
  )
}
