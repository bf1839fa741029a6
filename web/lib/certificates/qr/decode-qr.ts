// Decoding a QR code from pixels with jsqr, for the verify page (photo upload, camera frames)
// and the tests. Pure functions on RGBA arrays, no DOM: a canvas's ImageData fits the input
// type, and the same code runs in Node under test.

import jsQR from 'jsqr'

/** RGBA pixels, 4 bytes per pixel, row by row (a DOM ImageData fits). */
export interface RgbaImageLike {
  data: Uint8ClampedArray | Uint8Array
  width: number
  height: number
}

export interface RgbaImage {
  data: Uint8ClampedArray
  width: number
  height: number
}

/**
 * Long side of the first decoding pass of a photo. A 12 MP phone photo (4000 x 3000) has 11
 * times the pixels of 1200 x 900, and on a noisy photo where jsQR finds nothing its time grows
 * much faster than that (12 s for a 2400 x 1800 frame in measurement, against 0.3 s for the
 * downscaled copy, which it read). A certificate QR that fills a fair part of the frame still
 * has 3+ pixels per module at 1200 px.
 */
export const FIRST_PASS_MAX_SIDE = 1200

/**
 * Extra passes of decodeQrFromPhoto when the first two find nothing, as fractions of the first
 * pass's size. jsQR's success on a blurred or noisy code depends on where the pixel grid
 * happens to fall on the modules; a second sampling grid at 3/4 size recovered 30 % of its
 * near-limit failures in measure-qr-limits.ts (qr-robustness.test.ts has such a case).
 */
export const FALLBACK_SCALES: readonly number[] = [0.75]

export interface DecodePhotoOptions {
  /** long side of the downscaled first pass; default FIRST_PASS_MAX_SIDE */
  firstPassMaxSide?: number
  /** see FALLBACK_SCALES; [] for live camera frames, where the next frame is the better retry */
  fallbackScales?: readonly number[]
}

function checkImage(image: RgbaImageLike): void {
  const { width, height, data } = image
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be positive integers, got ${width} x ${height}`)
  }
  if (!data || data.length !== width * height * 4) {
    throw new RangeError(`image data must hold ${width * height * 4} bytes (RGBA), got ${data?.length}`)
  }
}

function asClamped(data: Uint8ClampedArray | Uint8Array): Uint8ClampedArray {
  return data instanceof Uint8ClampedArray ? data : new Uint8ClampedArray(data.buffer, data.byteOffset, data.length)
}

/**
 * The text of the QR code found in image, or null if none could be read. Dark-on-light and
 * light-on-dark (a code shown on a dark-mode screen) are both tried. Throws RangeError only if
 * image is not a well-formed RGBA image.
 */
export function decodeQrFromImageData(image: RgbaImageLike): string | null {
  checkImage(image)
  try {
    const result = jsQR(asClamped(image.data), image.width, image.height, { inversionAttempts: 'attemptBoth' })
    return result ? result.data : null
  } catch {
    // jsQR has thrown on degenerate inputs (e.g. a finder-pattern look-alike at the image edge);
    // for the user that is the same as "no code found", and the next camera frame is tried anyway.
    return null
  }
}

/**
 * Weights of area-averaging resampling along one axis: for each target pixel, the source pixels
 * it covers and by which fraction (summing to 1). Area averaging, unlike nearest-pixel
 * sampling, keeps thin module edges from aliasing into wrong modules when shrinking.
 */
function areaWeights(sourceLength: number, targetLength: number): { start: Int32Array; weights: Float32Array[] } {
  const scale = sourceLength / targetLength
  const start = new Int32Array(targetLength)
  const weights: Float32Array[] = []
  for (let t = 0; t < targetLength; t++) {
    const from = t * scale
    const to = Math.min(sourceLength, (t + 1) * scale)
    const first = Math.floor(from)
    const last = Math.min(sourceLength - 1, Math.ceil(to) - 1)
    const w = new Float32Array(last - first + 1)
    for (let s = first; s <= last; s++) w[s - first] = (Math.min(to, s + 1) - Math.max(from, s)) / (to - from)
    start[t] = first
    weights.push(w)
  }
  return { start, weights }
}

/**
 * Resamples a single-channel plane (width * height values, row by row) to targetWidth x
 * targetHeight by area averaging (separable). Meant for shrinking; enlarging works too but
 * gives blocky nearest-pixel results.
 */
export function resampleArea(
  plane: Float32Array,
  width: number,
  height: number,
  targetWidth: number,
  targetHeight: number,
): Float32Array {
  const h = areaWeights(width, targetWidth)
  const v = areaWeights(height, targetHeight)
  const rows = new Float32Array(targetWidth * height)
  for (let y = 0; y < height; y++) {
    const src = y * width
    const dst = y * targetWidth
    for (let t = 0; t < targetWidth; t++) {
      const w = h.weights[t]
      const s0 = src + h.start[t]
      let sum = 0
      for (let k = 0; k < w.length; k++) sum += plane[s0 + k] * w[k]
      rows[dst + t] = sum
    }
  }
  const out = new Float32Array(targetWidth * targetHeight)
  for (let t = 0; t < targetHeight; t++) {
    const w = v.weights[t]
    const s0 = v.start[t]
    const dst = t * targetWidth
    for (let k = 0; k < w.length; k++) {
      const src = (s0 + k) * targetWidth
      const wk = w[k]
      for (let x = 0; x < targetWidth; x++) out[dst + x] += rows[src + x] * wk
    }
  }
  return out
}

/** Luminance with the weights jsQR itself uses, so converting first changes nothing for it. */
export function luminancePlane(image: RgbaImageLike): Float32Array {
  checkImage(image)
  const { data, width, height } = image
  const out = new Float32Array(width * height)
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = 0.2126 * data[p] + 0.7152 * data[p + 1] + 0.0722 * data[p + 2]
  }
  return out
}

/** A grey RGBA image from a luminance plane (values clamped to 0-255). */
export function planeToRgba(plane: Float32Array, width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let i = 0, p = 0; i < plane.length; i++, p += 4) {
    const v = plane[i]
    data[p] = v
    data[p + 1] = v
    data[p + 2] = v
    data[p + 3] = 255
  }
  return { data, width, height }
}

/**
 * A grey copy of image shrunk (area averaging) so that its long side is at most maxSide, or
 * null if it already fits. Only luminance is kept: it is all jsQR looks at, and resampling one
 * channel instead of three is what makes the first pass cheap.
 */
export function downscaleForDecoding(image: RgbaImageLike, maxSide: number): RgbaImage | null {
  checkImage(image)
  if (!(maxSide >= 1)) throw new RangeError('maxSide must be at least 1')
  const longSide = Math.max(image.width, image.height)
  if (longSide <= maxSide) return null
  const factor = maxSide / longSide
  const width = Math.max(1, Math.round(image.width * factor))
  const height = Math.max(1, Math.round(image.height * factor))
  return planeToRgba(resampleArea(luminancePlane(image), image.width, image.height, width, height), width, height)
}

/**
 * decodeQrFromImageData for photos of any size: a large image is first decoded from a copy
 * whose long side is at most firstPassMaxSide (fast, and the averaging also smooths sensor
 * noise), then, if that finds nothing (a small code in a big frame), at full size, then at the
 * fallback scales of the first pass's size. The full-size pass over a 12 MP photo without a
 * readable code can take jsQR seconds: call this from a Web Worker, not the page's main thread.
 */
export function decodeQrFromPhoto(image: RgbaImageLike, options: DecodePhotoOptions = {}): string | null {
  const small = downscaleForDecoding(image, options.firstPassMaxSide ?? FIRST_PASS_MAX_SIDE)
  if (small) {
    const text = decodeQrFromImageData(small)
    if (text !== null) return text
  }
  const full = decodeQrFromImageData(image)
  if (full !== null) return full
  const base = small ?? image
  for (const factor of options.fallbackScales ?? FALLBACK_SCALES) {
    if (!(factor > 0 && factor < 1)) throw new RangeError('fallback scales must be between 0 and 1')
    const copy = downscaleForDecoding(base, Math.max(1, Math.floor(Math.max(base.width, base.height) * factor)))
    if (!copy) continue
    const text = decodeQrFromImageData(copy)
    if (text !== null) return text
  }
  return null
}
