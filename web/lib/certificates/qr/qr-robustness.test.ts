// Certificate QR codes from the project's encoder, photographed badly (phone-photo.ts), decoded
// with jsqr and verified: the printed code must survive what a phone does to it, and nothing a
// damaged or forged code turns into may ever be reported genuine.

import { inflateSync } from 'node:zlib'
import fc from 'fast-check'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import {
  hexToBytes,
  signCertificate,
  verifyCertificateCode,
  TEST_KEY_ID,
  TEST_PUBLIC_KEY_HEX,
  type CertificatePublicKey,
  type CertificateFields,
  type VerifyResult,
} from '@shared/certificates'
import { TEST_ORIGIN, TEST_SECRET_KEY_HEX } from '@shared/certificates/test-vectors'
import { completionFields, permitFields, testSecretKey } from '@shared/certificates/testing'
import {
  CERTIFICATE_QR_ERROR_CORRECTION,
  DEFAULT_QR_TITLE,
  PRINT_QR_SIZE_MM,
  QR_QUIET_ZONE_MODULES,
  certificateQrMatrix,
  certificateQrPngDataUrl,
  certificateQrSvg,
  isDarkModule,
  printModuleSizeMm,
  type CertificateQrMatrix,
} from './certificate-qr'
import { decodeQrFromImageData, decodeQrFromPhoto, downscaleForDecoding, type RgbaImage } from './decode-qr'
import {
  boxBlur,
  cover,
  crease,
  flipModules,
  gaussianBlur,
  invert,
  jpegLike,
  keystone,
  lighting,
  noise,
  perspective,
  pipeline,
  place,
  rasterize,
  rotate,
  scale,
  stain,
  toRgba,
  type GrayImage,
} from './phone-photo'

const TEST_SECRET = hexToBytes(TEST_SECRET_KEY_HEX) as Uint8Array
const KEYS: CertificatePublicKey[] = [
  { keyId: TEST_KEY_ID, publicKey: hexToBytes(TEST_PUBLIC_KEY_HEX) as Uint8Array, notBefore: '1990-01-01', notAfter: null },
]

function verify(text: string): VerifyResult {
  return verifyCertificateCode(text, { keys: KEYS, expectedOrigin: TEST_ORIGIN })
}

interface Certificate {
  fields: CertificateFields
  url: string
  matrix: CertificateQrMatrix
}

function issue(fields: CertificateFields): Certificate {
  const url = signCertificate(fields, TEST_SECRET, TEST_KEY_ID).url(TEST_ORIGIN)
  return { fields, url, matrix: certificateQrMatrix(url) }
}

const CERTIFICATES: Certificate[] = [issue(permitFields()), issue(completionFields())]

/** The matrix drawn at ppm pixels per module with the printed quiet zone. */
function draw(matrix: CertificateQrMatrix, ppm: number): GrayImage {
  return rasterize(matrix, { pixelsPerModule: ppm, quietZone: QR_QUIET_ZONE_MODULES })
}

function expectGenuine(decoded: string | null, certificate: Certificate): void {
  expect(decoded).toBe(certificate.url)
  const result = verify(decoded as string)
  expect(result.genuine).toBe(true)
  if (!result.genuine) return
  expect(result.fields.serial).toBe(certificate.fields.serial)
  expect(result.fields.type).toBe(certificate.fields.type)
  expect(result.originMatches).toBe(true)
}

/** A decoded text is acceptable unless it verifies as genuine while not being the real URL. */
function neverFalselyGenuine(decoded: string | null, url: string): boolean {
  return decoded === null || decoded === url || !verify(decoded).genuine
}

describe('certificate QR symbol', () => {
  it('uses level Q and, for a 184-character URL, version 12 (65 modules), about 1.37 mm per module in print', () => {
    for (const { url, matrix } of CERTIFICATES) {
      expect(url).toHaveLength(184)
      expect(matrix.errorCorrectionLevel).toBe('Q')
      expect(CERTIFICATE_QR_ERROR_CORRECTION).toBe('Q')
      expect(matrix.version).toBe(12)
      expect(matrix.size).toBe(65)
      expect(matrix.dark).toHaveLength(65 * 65)
    }
    expect(PRINT_QR_SIZE_MM).toBe(100)
    expect(printModuleSizeMm(65)).toBeCloseTo(100 / 73, 6)
    expect(printModuleSizeMm(65)).toBeGreaterThan(1.3)
  })

  it('refuses content the verifier would reject unread', () => {
    expect(() => certificateQrMatrix('')).toThrow(RangeError)
    expect(() => certificateQrSvg(`${TEST_ORIGIN}/v/${'A'.repeat(600)}`)).toThrow(RangeError)
  })

  it('SVG: the dark modules of the matrix exactly, crisp edges, quiet zone, print size and a <title>', () => {
    const { url, matrix } = CERTIFICATES[0]
    const svg = certificateQrSvg(url)
    const total = matrix.size + 2 * QR_QUIET_ZONE_MODULES
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /)
    expect(svg).toContain(`viewBox="0 0 ${total} ${total}"`)
    expect(svg).toContain(`width="${PRINT_QR_SIZE_MM}mm" height="${PRINT_QR_SIZE_MM}mm"`)
    expect(svg).toContain('shape-rendering="crispEdges"')
    expect(svg).toContain(`<rect width="${total}" height="${total}" fill="#fff"/>`)
    const title = /<title id="([^"]+)">([^<]*)<\/title>/.exec(svg)
    expect(title?.[2]).toBe(DEFAULT_QR_TITLE)
    expect(svg).toContain(`role="img" aria-labelledby="${title?.[1]}"`)

    const d = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? ''
    const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)]
    // every byte of the path is accounted for by well-formed runs
    expect(runs.map((r) => r[0]).join('')).toBe(d)
    const drawn = new Uint8Array(matrix.size * matrix.size)
    for (const [, x, y, w, back] of runs) {
      expect(back).toBe(w)
      const row = Number(y) - QR_QUIET_ZONE_MODULES
      const col = Number(x) - QR_QUIET_ZONE_MODULES
      expect(row).toBeGreaterThanOrEqual(0)
      expect(col).toBeGreaterThanOrEqual(0)
      expect(col + Number(w)).toBeLessThanOrEqual(matrix.size)
      for (let c = col; c < col + Number(w); c++) drawn[row * matrix.size + c] += 1
    }
    expect(drawn).toEqual(matrix.dark)
    const darkCount = matrix.dark.reduce((n, v) => n + v, 0)
    expect(runs.reduce((n, r) => n + Number(r[3]), 0)).toBe(darkCount)
    // finder pattern corner is dark, its separator light
    expect(isDarkModule(matrix, 0, 0)).toBe(true)
    expect(isDarkModule(matrix, 7, 7)).toBe(false)
  })

  it('SVG options: escaped custom title, caller id, no fixed size, stable default id per URL', () => {
    const [a, b] = CERTIFICATES
    const svg = certificateQrSvg(a.url, { title: '施工许可证 <P20244601000001236> & "核验"', titleId: 'permit-qr', size: null })
    expect(svg).toContain('<title id="permit-qr">施工许可证 &#60;P20244601000001236&#62; &#38; &#34;核验&#34;</title>')
    expect(svg).toContain('aria-labelledby="permit-qr"')
    expect(svg).not.toMatch(/<svg[^>]* width=/)
    const idOf = (s: string) => /<title id="([^"]+)"/.exec(s)?.[1]
    expect(idOf(certificateQrSvg(a.url))).toBe(idOf(certificateQrSvg(a.url)))
    expect(idOf(certificateQrSvg(a.url))).not.toBe(idOf(certificateQrSvg(b.url)))
  })

  it('PNG data URL (pngjs, no native code) holds the same symbol and decodes', async () => {
    const { url, matrix } = CERTIFICATES[1]
    const dataUrl = await certificateQrPngDataUrl(url, { pixelsPerModule: 3 })
    expect(dataUrl.startsWith('data:image/png;base64,')).toBe(true)
    const image = decodePng(Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'))
    const total = matrix.size + 2 * QR_QUIET_ZONE_MODULES
    expect([image.width, image.height]).toEqual([total * 3, total * 3])
    // module centres match the matrix
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        const p = (((row + QR_QUIET_ZONE_MODULES) * 3 + 1) * image.width + (col + QR_QUIET_ZONE_MODULES) * 3 + 1) * 4
        expect(image.data[p] < 128).toBe(isDarkModule(matrix, row, col))
      }
    }
    expectGenuine(decodeQrFromImageData(image), CERTIFICATES[1])
    await expect(certificateQrPngDataUrl(url, { pixelsPerModule: 0 })).rejects.toThrow(RangeError)
  })
})

type Distortion = [name: string, distort: (m: CertificateQrMatrix) => GrayImage, tint?: readonly [number, number, number]]

// Each distortion starts from a small raster (3-10 px per module, at most ~450 px a side) so
// the whole table stays fast. The comments give the measured limits beyond which one jsQR pass
// starts to miss (measure-qr-limits.ts prints the success rates); the cases here sit inside them.
const DISTORTIONS: Distortion[] = [
  ['flat scan, 4 px per module', (m) => draw(m, 4)],
  // limit ~2.5 px/module (every variant with decodeQrFromPhoto's retry), erratic below
  ['scaled down to 3 px per module (area averaging)', (m) => pipeline(draw(m, 6), scale(0.5))],
  ['scaled down to 2.5 px per module (modules straddle pixels)', (m) => pipeline(draw(m, 10), scale(0.25))],
  ['rotated 7°', (m) => pipeline(draw(m, 4), rotate(7))],
  ['rotated 23°', (m) => pipeline(draw(m, 4), rotate(23))],
  ['rotated 45° at 3 px per module', (m) => pipeline(draw(m, 6), scale(0.5), rotate(45))],
  ['rotated 90°', (m) => pipeline(draw(m, 3), rotate(90))],
  ['rotated 180° (upside down)', (m) => pipeline(draw(m, 3), rotate(180))],
  ['rotated 270°', (m) => pipeline(draw(m, 3), rotate(270))],
  // defocus: Gaussian sigma 0.3 module; the limit is ~0.35-0.45 module
  ['out of focus (Gaussian blur, sigma 0.3 module)', (m) => pipeline(draw(m, 4), gaussianBlur(1.2))],
  ['box blur over 3 px at 4 px per module', (m) => pipeline(draw(m, 4), boxBlur(1))],
  // sensor noise sigma 30 grey levels at 4 px/module; unreliable from ~40
  ['sensor noise (sigma 30)', (m) => pipeline(draw(m, 4), noise(30, 11))],
  // contrast 0.35: ink 83, paper 172; limit ~0.25-0.3 (0.2 still reads if the image is darker)
  ['faded print, low contrast (35 %)', (m) => pipeline(draw(m, 4), rotate(3), lighting({ contrast: 0.35 }))],
  ['uneven light: 70 % fall-off, vignette, contrast 60 %', (m) =>
    pipeline(draw(m, 4), rotate(5), lighting({ contrast: 0.6, gradient: 0.7, gradientAngle: 30, vignette: 0.3 }))],
  // keystone 10 %: a camera 30 cm away tilted ~17° (at 1 m the same tilt gives 3 %); jsQR
  // gives up around 20 %
  ['keystone tilt 10 %', (m) => pipeline(draw(m, 5), keystone(0.1, 0.033))],
  ['seen from 35° to the side (foreshortened and keystoned)', (m) =>
    pipeline(draw(m, 5), (img) =>
      perspective(
        [{ x: 30, y: 6 }, { x: 330, y: 0 }, { x: 330, y: img.height }, { x: 30, y: img.height - 6 }],
        360,
        img.height,
      )(img))],
  ['JPEG quality 10 at 3 px per module', (m) => pipeline(draw(m, 6), scale(0.5), jpegLike(10))],
  ['light on dark (dark-mode screen)', (m) => pipeline(draw(m, 4), invert())],
  // level Q at work: modules under a cracked fold and an ink blot are gone, not just darker
  ['cracked fold line a module wide and an opaque ink blot', (m) =>
    pipeline(draw(m, 4), crease({ x: 0, y: 0.1 }, { x: 1, y: 0.8 }, 4, 1), stain(0.6, 0.35, 0.15, 40, 1, 5), rotate(4))],
  ['opaque ink blot 44 mm across on the 100 mm print (radius 0.22, a fifth of the symbol)', (m) =>
    pipeline(draw(m, 4), stain(0.55, 0.5, 0.22, 40, 1, 2), rotate(3))],
  ['see-through coffee stain over a third of the symbol', (m) => pipeline(draw(m, 4), stain(0.5, 0.45, 0.3, 60, 0.9, 2))],
  ['handheld phone photo: tilt, 11°, shadow, defocus, 3.5 px/module, noise, JPEG', (m) =>
    pipeline(
      draw(m, 8),
      keystone(0.08, -0.04),
      rotate(11),
      lighting({ contrast: 0.7, gradient: 0.3, gradientAngle: 200, vignette: 0.2 }),
      gaussianBlur(2),
      scale(3.5 / 8),
      noise(6, 3),
      jpegLike(70),
    )],
  ['handheld phone photo of the page: code in a corner of the frame, warm light', (m) =>
    pipeline(draw(m, 6), rotate(-8), scale(0.6), place(520, 420, 250, 120, 228), gaussianBlur(0.8), noise(5, 9)),
    [1, 0.93, 0.78]],
]

describe('decoding photographed certificate codes (jsqr) and verifying them', () => {
  for (const [name, distort, tint] of DISTORTIONS) {
    it(name, () => {
      for (const certificate of CERTIFICATES) {
        expectGenuine(decodeQrFromImageData(toRgba(distort(certificate.matrix), tint)), certificate)
      }
    })
  }
})

describe('why level Q', () => {
  it('an ink blot that level Q survives (radius 0.22 of the print) defeats level M (version 10) of the same URL', () => {
    for (const certificate of CERTIFICATES) {
      const symbolM = QRCode.create(certificate.url, { errorCorrectionLevel: 'M' })
      expect(symbolM.version).toBe(10)
      const matrixM = { size: symbolM.modules.size, dark: Uint8Array.from(symbolM.modules.data) }
      for (const [x, y] of [[0.55, 0.5], [0.35, 0.6]]) {
        const blot = (m: { size: number; dark: Uint8Array }) =>
          toRgba(pipeline(rasterize(m, { pixelsPerModule: 4 }), stain(x, y, 0.22, 40, 1, 7), rotate(3)))
        expectGenuine(decodeQrFromImageData(blot(certificate.matrix)), certificate)
        expect(decodeQrFromImageData(blot(matrixM))).toBeNull()
      }
    }
  })
})

describe('decodeQrFromPhoto', () => {
  it('reads a large noisy photo from its downscaled first pass', () => {
    const certificate = CERTIFICATES[0]
    // 2000 x 1500 with the code at 10 px/module: the 1200 px pass sees 6 px/module with the
    // noise averaged down. (jsQR on the full frame of such a photo, 2400 x 1800, was measured
    // to take 12 s and find nothing: the reason for decoding downscaled first.)
    const photo = toRgba(pipeline(draw(certificate.matrix, 10), place(2000, 1500, 600, 350, 232), noise(8, 3)))
    const firstPass = downscaleForDecoding(photo, 1200) as RgbaImage
    expect([firstPass.width, firstPass.height]).toEqual([1200, 900])
    expectGenuine(decodeQrFromImageData(firstPass), certificate)
    expectGenuine(decodeQrFromPhoto(photo), certificate)
  })

  it('falls back to full size for a small code in a large frame', () => {
    const certificate = CERTIFICATES[1]
    const photo = toRgba(pipeline(draw(certificate.matrix, 3), place(900, 700, 500, 350, 240)))
    // at 400 px the code has 1.3 px per module: only the full-size pass can read it
    expect(decodeQrFromImageData(downscaleForDecoding(photo, 400) as RgbaImage)).toBeNull()
    expectGenuine(decodeQrFromPhoto(photo, { firstPassMaxSide: 400, fallbackScales: [] }), certificate)
  })

  it('retries at 3/4 size when the sampling grid is unlucky', () => {
    for (const certificate of CERTIFICATES) {
      const photo = toRgba(pipeline(draw(certificate.matrix, 4), rotate(3), noise(45, 4)))
      expect(decodeQrFromImageData(photo)).toBeNull()
      expect(decodeQrFromPhoto(photo, { fallbackScales: [] })).toBeNull()
      expectGenuine(decodeQrFromPhoto(photo), certificate)
    }
  })

  it('downscales by area averaging: constant stays constant, a 1-pixel checkerboard turns grey', () => {
    const width = 1000
    const height = 600
    const checker = new Uint8ClampedArray(width * height * 4)
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) checker.fill((x + y) % 2 ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 4)
    }
    const small = downscaleForDecoding({ data: checker, width, height }, 300) as RgbaImage
    expect([small.width, small.height]).toEqual([300, 180])
    // each target pixel covers 3.3 x 3.3 source pixels: within a twelfth of full scale of
    // mid-grey (nearest-pixel sampling would give pure black or white)
    let worst = 0
    for (let i = 0; i < small.data.length; i += 4) worst = Math.max(worst, Math.abs(small.data[i] - 127.5))
    expect(worst).toBeLessThanOrEqual(255 / 12)
    const grey = downscaleForDecoding({ data: new Uint8ClampedArray(width * height * 4).fill(200), width, height }, 300) as RgbaImage
    expect(grey.data.every((v, i) => v === (i % 4 === 3 ? 255 : 200))).toBe(true)
    expect(downscaleForDecoding({ data: checker, width, height }, 1000)).toBeNull()
  })

  it('takes ImageData-like input with a Uint8Array, rejects inconsistent sizes, finds nothing in a blank page', () => {
    const image = toRgba(draw(CERTIFICATES[0].matrix, 3))
    const bytes = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.length)
    expect(decodeQrFromImageData({ data: bytes, width: image.width, height: image.height })).toBe(CERTIFICATES[0].url)
    expect(() => decodeQrFromImageData({ data: bytes, width: image.width + 1, height: image.height })).toThrow(RangeError)
    expect(() => decodeQrFromImageData({ data: bytes, width: 0, height: 0 })).toThrow(RangeError)
    const blank = toRgba({ width: 200, height: 150, data: new Float32Array(200 * 150).fill(250) })
    expect(decodeQrFromImageData(blank)).toBeNull()
    const snow = pipeline({ width: 200, height: 150, data: new Float32Array(200 * 150).fill(128) }, noise(60, 1))
    expect(decodeQrFromPhoto(toRgba(snow))).toBeNull()
  })
})

describe('damaged and forged codes are never reported genuine', () => {
  it('a code damaged beyond repair decodes to nothing', () => {
    for (const certificate of CERTIFICATES) {
      const covered = pipeline(draw(certificate.matrix, 3), cover(0.3, 0.25, 0.5, 0.45, 20))
      const decoded = decodeQrFromImageData(toRgba(covered))
      expect(decoded).toBeNull()
      // 400 flipped modules hit ~330 of 466 codewords, where level Q corrects 130
      for (const seed of [1, 2, 3]) {
        const flipped = decodeQrFromImageData(toRgba(draw(flipModules(certificate.matrix, 400, seed), 3)))
        expect(flipped).toBeNull()
      }
    }
  })

  it('a few flipped modules are corrected', () => {
    for (const certificate of CERTIFICATES) {
      for (const seed of [1, 2, 3]) {
        expectGenuine(decodeQrFromImageData(toRgba(draw(flipModules(certificate.matrix, 25, seed), 3))), certificate)
      }
    }
  })

  it('whatever random damage does, a decoded text other than the real URL does not verify', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 320 }), fc.integer(), (which, flips, seed) => {
        const certificate = CERTIFICATES[which]
        const decoded = decodeQrFromImageData(toRgba(draw(flipModules(certificate.matrix, flips, seed), 3)))
        return neverFalselyGenuine(decoded, certificate.url)
      }),
      { numRuns: 40, seed: 20240315 },
    )
  })

  it('a forged code (one payload character changed, re-rendered) scans fine and is not genuine', () => {
    for (const certificate of CERTIFICATES) {
      const at = certificate.url.indexOf('/v/') + 3 + 10 // inside the serial bytes
      const original = certificate.url[at]
      const forgedUrl = certificate.url.slice(0, at) + (original === 'A' ? 'B' : 'A') + certificate.url.slice(at + 1)
      const forged = pipeline(draw(certificateQrMatrix(forgedUrl), 4), rotate(7), gaussianBlur(0.8))
      const decoded = decodeQrFromImageData(toRgba(forged))
      expect(decoded).toBe(forgedUrl)
      expect(verify(decoded as string)).toMatchObject({ genuine: false, reason: 'BAD_SIGNATURE' })
    }
  })

  it('a look-alike code with a genuine payload under another host, or signed with another key, is not genuine', () => {
    const signed = signCertificate(permitFields(), TEST_SECRET, TEST_KEY_ID)
    const lookAlike = signed.url('https://portal-example-gov.cn.verify.example.com')
    const otherKey = signCertificate(permitFields(), testSecretKey(1), 7).url(TEST_ORIGIN)
    const expectations: Array<[string, string]> = [
      [lookAlike, 'FOREIGN_HOST'],
      [otherKey, 'UNKNOWN_KEY'],
    ]
    for (const [url, reason] of expectations) {
      const decoded = decodeQrFromImageData(toRgba(pipeline(draw(certificateQrMatrix(url), 4), rotate(-5))))
      expect(decoded).toBe(url)
      expect(verify(decoded as string)).toMatchObject({ genuine: false, reason })
    }
  })
})

/** A minimal PNG reader (8-bit RGB/RGBA, not interlaced): enough to read back the library's output. */
function decodePng(png: Buffer): RgbaImage {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  let offset = 8
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('ascii', offset + 4, offset + 8)
    const body = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      expect(body[8]).toBe(8) // bit depth
      expect([2, 6]).toContain(body[9]) // colour type RGB / RGBA
      expect(body[12]).toBe(0) // no interlacing
      channels = body[9] === 6 ? 4 : 3
    } else if (type === 'IDAT') {
      idat.push(body)
    }
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]
      const a = x >= channels ? pixels[y * stride + x - channels] : 0
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0
      const p = a + b - c
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]
      pixels[y * stride + x] = (v + predictor) & 0xff
    }
  }
  const data = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = pixels[i * channels]
    data[i * 4 + 1] = pixels[i * channels + 1]
    data[i * 4 + 2] = pixels[i * channels + 2]
    data[i * 4 + 3] = channels === 4 ? pixels[i * channels + 3] : 255
  }
  return { data, width, height }
}
