import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { cameraFrameSize, decodeQr, decodeSizes, findQrInPicture, type Pixels } from './qr-image'
import { genuinePermit, ORIGIN, platformJwks } from './testing/fixtures'
import { checkOffline } from './verdict'
import { fromJwks } from '@shared/certificates'

/** A QR code as a photo-like picture: `module` pixels per module, placed on a larger grey page. */
function render(text: string, opts: { module: number; pageWidth: number; pageHeight: number; noise?: number; seed?: number }): Pixels {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const { module, pageWidth, pageHeight } = opts
  const data = new Uint8ClampedArray(pageWidth * pageHeight * 4)
  const qrPx = (size + 8) * module
  const left = Math.floor((pageWidth - qrPx) / 2)
  const top = Math.floor((pageHeight - qrPx) / 2)
  let seed = opts.seed ?? 1
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  for (let y = 0; y < pageHeight; y++) {
    for (let x = 0; x < pageWidth; x++) {
      let v = 200 // paper in a dim room
      const qx = Math.floor((x - left) / module) - 4
      const qy = Math.floor((y - top) / module) - 4
      if (x >= left && y >= top && x < left + qrPx && y < top + qrPx) {
        v = qx >= 0 && qy >= 0 && qx < size && qy < size && qr.modules.get(qy, qx) ? 30 : 235
      }
      v += (rand() - 0.5) * (opts.noise ?? 0)
      const i = (y * pageWidth + x) * 4
      data[i] = data[i + 1] = data[i + 2] = v
      data[i + 3] = 255
    }
  }
  return { data, width: pageWidth, height: pageHeight }
}

/** Box-filter downscale, as a canvas drawImage at a smaller size roughly does. */
function scaleTo(src: Pixels, width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4)
  const fx = src.width / width
  const fy = src.height / height
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      let n = 0
      for (let sy = Math.floor(y * fy); sy < Math.floor((y + 1) * fy); sy++) {
        for (let sx = Math.floor(x * fx); sx < Math.floor((x + 1) * fx); sx++) {
          sum += src.data[(sy * src.width + sx) * 4]
          n++
        }
      }
      const v = n ? sum / n : 0
      const i = (y * width + x) * 4
      data[i] = data[i + 1] = data[i + 2] = v
      data[i + 3] = 255
    }
  }
  return { data, width, height }
}

describe('decodeSizes', () => {
  it('tries a moderate size first, larger ones after, never above the original', () => {
    expect(decodeSizes(4000, 3000)).toEqual([
      { width: 800, height: 600 },
      { width: 1280, height: 960 },
      { width: 2000, height: 1500 },
    ])
    expect(decodeSizes(1000, 2000)).toEqual([
      { width: 400, height: 800 },
      { width: 640, height: 1280 },
      { width: 1000, height: 2000 },
    ])
    expect(decodeSizes(600, 400)).toEqual([{ width: 600, height: 400 }])
    expect(decodeSizes(0, 100)).toEqual([])
    expect(cameraFrameSize(1920, 1080)).toEqual({ width: 640, height: 360 })
  })
})

describe('finding the certificate QR in a picture', () => {
  const url = genuinePermit.url(ORIGIN)

  it('decodes a clean rendering to the exact URL, which then verifies', () => {
    const text = decodeQr(render(url, { module: 6, pageWidth: 500, pageHeight: 500 }))
    expect(text).toBe(url)
    expect(checkOffline(text!, fromJwks(platformJwks()), ORIGIN).kind).toBe('GENUINE')
  })

  it('finds a QR in a large noisy photo through the scaled attempts', () => {
    const photo = render(url, { module: 12, pageWidth: 1600, pageHeight: 1200, noise: 40 })
    const drawn: string[] = []
    const text = findQrInPicture(photo.width, photo.height, (w, h) => {
      drawn.push(`${w}x${h}`)
      return scaleTo(photo, w, h)
    })
    expect(text).toBe(url)
    expect(drawn[0]).toBe('800x600')
  })

  it('gives null for a picture without a QR, and survives a platform that cannot draw', () => {
    const blank: Pixels = { data: new Uint8ClampedArray(200 * 100 * 4).fill(255), width: 200, height: 100 }
    expect(decodeQr(blank)).toBeNull()
    expect(findQrInPicture(200, 100, () => blank)).toBeNull()
    expect(findQrInPicture(200, 100, () => null)).toBeNull()
    expect(decodeQr({ data: new Uint8ClampedArray(3), width: 10, height: 10 })).toBeNull()
  })
})
