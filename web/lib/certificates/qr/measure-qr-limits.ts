// Measures where jsQR stops reading certificate QR codes: for each kind of distortion and
// strength, the share of 12 variants (2 certificate types x 6 small rotations of 0-7 degrees,
// as a hand-held phone is rarely exactly square, each with its own noise seed) that decode to
// the exact URL, with one jsQR pass
// (decodeQrFromImageData) and with decodeQrFromPhoto's retries. The test suite keeps to
// strengths that always read; this script documents the margins behind them.
//
//   npx tsx web/lib/certificates/qr/measure-qr-limits.ts        (about a minute)

import QRCode from 'qrcode'
import { hexToBytes, signCertificate, TEST_KEY_ID } from '@shared/certificates'
import { TEST_ORIGIN, TEST_SECRET_KEY_HEX } from '@shared/certificates/test-vectors'
import { completionFields, permitFields } from '@shared/certificates/testing'
import { certificateQrMatrix } from './certificate-qr'
import { decodeQrFromImageData, decodeQrFromPhoto } from './decode-qr'
import {
  crease,
  flipModules,
  gaussianBlur,
  jpegLike,
  keystone,
  lighting,
  noise,
  pipeline,
  rasterize,
  rotate,
  scale,
  stain,
  toRgba,
  type GrayImage,
  type ModuleMatrix,
} from './phone-photo'

type Make = (matrix: ModuleMatrix, angle: number, seed: number) => GrayImage
type Level = 'M' | 'Q' | 'H'

const secret = hexToBytes(TEST_SECRET_KEY_HEX) as Uint8Array
const certificates = [permitFields(), completionFields()].map((fields) => {
  const url = signCertificate(fields, secret, TEST_KEY_ID).url(TEST_ORIGIN)
  return { url, matrix: certificateQrMatrix(url) }
})
const JITTER_DEGREES = [0, 1, 2, 3, 5, 7]

const draw = (m: ModuleMatrix, ppm: number) => rasterize(m, { pixelsPerModule: ppm })

/** The same URL at another error-correction level, for comparison with the product's Q. */
function matrixAt(url: string, level: Level): ModuleMatrix {
  const symbol = QRCode.create(url, { errorCorrectionLevel: level })
  return { size: symbol.modules.size, dark: Uint8Array.from(symbol.modules.data) }
}

function measure(name: string, make: Make, level: Level = 'Q'): void {
  let single = 0
  let photo = 0
  let total = 0
  const started = performance.now()
  certificates.forEach(({ url, matrix: productMatrix }, c) => {
    const matrix: ModuleMatrix = level === 'Q' ? productMatrix : matrixAt(url, level)
    JITTER_DEGREES.forEach((angle, a) => {
      const image = toRgba(make(matrix, angle, 100 * c + a + 1))
      total++
      if (decodeQrFromImageData(image) === url) single++
      if (decodeQrFromPhoto(image) === url) photo++
    })
  })
  const ms = (performance.now() - started) / total
  console.log(`${name.padEnd(46)} one pass ${String(single).padStart(2)}/${total}   with retries ${String(photo).padStart(2)}/${total}   ${ms.toFixed(0)} ms/image`)
}

const families: Array<[string, number[], (level: number) => Make]> = [
  ['clean, pixels per module', [4, 3, 2.5, 2.2, 2, 1.8], (ppm) => (m, a) => pipeline(draw(m, 6), rotate(a), scale(ppm / 6))],
  // here the variants add 0-3.5 degrees to the level, as the jitter alone is the level's job
  ['rotation (degrees) at 3 px/module', [10, 20, 30, 40, 45], (deg) => (m, a) =>
    pipeline(draw(m, 6), rotate(deg + JITTER_DEGREES.indexOf(a) * 0.7), scale(0.5))],
  ['px/module, blur 0.35 module, noise 8', [3, 2.5, 2.2, 2], (ppm) => (m, a, s) =>
    pipeline(draw(m, 6), rotate(a), scale(ppm / 6), gaussianBlur(0.35 * ppm), noise(8, s))],
  ['Gaussian blur sigma (modules) at 4 px/module', [0.25, 0.35, 0.45, 0.5], (sigma) => (m, a) => pipeline(draw(m, 4), rotate(a), gaussianBlur(4 * sigma))],
  ['noise sigma (grey levels) at 4 px/module', [20, 30, 40, 50, 60], (sigma) => (m, a, s) => pipeline(draw(m, 4), rotate(a), noise(sigma, s))],
  ['contrast (mid-grey kept)', [0.5, 0.35, 0.3, 0.25, 0.2], (contrast) => (m, a) => pipeline(draw(m, 4), rotate(a), lighting({ contrast }))],
  ['contrast, 50 levels darker', [0.3, 0.2, 0.15], (contrast) => (m, a) =>
    pipeline(draw(m, 4), rotate(a), lighting({ contrast, brightness: -50 }))],
  ['light fall-off (contrast 0.6, vignette 0.3)', [0.5, 0.7, 0.85], (gradient) => (m, a) =>
    pipeline(draw(m, 4), rotate(a), lighting({ contrast: 0.6, gradient, gradientAngle: 30, vignette: 0.3 }))],
  ['keystone (top edge shortened by)', [0.05, 0.1, 0.15, 0.2, 0.3], (k) => (m, a) => pipeline(draw(m, 5), keystone(k, k / 3), rotate(a))],
  ['JPEG quality at 3 px/module', [50, 25, 10, 5], (q) => (m, a) => pipeline(draw(m, 6), rotate(a), scale(0.5), jpegLike(q))],
  // a see-through stain keeps local contrast and costs nothing; an opaque blot erases modules
  ['see-through stain radius (fraction of width)', [0.2, 0.3], (r) => (m, a, s) => pipeline(draw(m, 4), stain(0.55, 0.5, r, 60, 0.9, s), rotate(a))],
  ['cracked fold line width (modules)', [0.5, 1, 1.5], (w) => (m, a) =>
    pipeline(draw(m, 4), crease({ x: 0, y: 0.2 }, { x: 1, y: 0.6 }, 4 * w, 1), rotate(a))],
  // no rotation: this measures the Reed-Solomon margin, not the sampling
  ['flipped modules (of 4225), upright', [25, 50, 75, 100, 125, 150], (n) => (m, _a, s) => draw(flipModules(m, n, s), 3)],
]

/** Opaque blots of radius r (fraction of the printed square's width), at the given level. */
function blot(r: number): Make {
  return (m, a, s) => pipeline(draw(m, 4), stain(0.3 + 0.07 * (s % 6), 0.35 + 0.05 * (s % 5), r, 40, 1, s), rotate(a))
}

console.log(`version ${certificates[0].matrix.version}, level ${certificates[0].matrix.errorCorrectionLevel}, ${certificates[0].url.length} characters`)
for (const [family, levels, make] of families) {
  for (const level of levels) measure(`${family} ${level}`, make(level))
}
for (const level of ['M', 'Q', 'H'] as const) {
  for (const r of [0.15, 0.19, 0.2, 0.21, 0.22, 0.24]) measure(`opaque blot radius ${r}, level ${level}`, blot(r), level)
}
measure('handheld photo (as in qr-robustness.test.ts)', (m, a, s) =>
  pipeline(
    draw(m, 8),
    keystone(0.08, -0.04),
    rotate(11 + a),
    lighting({ contrast: 0.7, gradient: 0.3, gradientAngle: 200, vignette: 0.2 }),
    gaussianBlur(2),
    scale(3.5 / 8),
    noise(6, s),
    jpegLike(70),
  ))
