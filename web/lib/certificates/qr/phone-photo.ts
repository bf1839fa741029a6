// Test support: turns a QR module matrix into an image that looks like a phone photo of a
// printed certificate (small, rotated, tilted, out of focus, noisy, badly lit, JPEG-compressed,
// creased, stained), so the decoder can be tested against what users will actually point it at.
// Pure TypeScript on grey Float32 planes (0 = black, 255 = white), no canvas and no native code;
// every random step takes a seed, so a failing case is reproducible.

import { seededRandom } from '@shared/certificates/testing'
import { planeToRgba, resampleArea, type RgbaImage } from './decode-qr'

/** A grey image: width * height values, row by row, nominally 0 (black) to 255 (white). */
export interface GrayImage {
  width: number
  height: number
  data: Float32Array
}

/** What rasterize needs of a module matrix (certificateQrMatrix's result fits). */
export interface ModuleMatrix {
  size: number
  /** size * size entries, row by row; 1 = dark */
  dark: Uint8Array
}

export interface Point {
  x: number
  y: number
}

export type Step = (image: GrayImage) => GrayImage

const WHITE = 255

function blank(width: number, height: number, value = WHITE): GrayImage {
  return { width, height, data: new Float32Array(width * height).fill(value) }
}

function clamp255(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v
}

function pixel(image: GrayImage, x: number, y: number, background: number): number {
  return x < 0 || y < 0 || x >= image.width || y >= image.height ? background : image.data[y * image.width + x]
}

/** Bilinear sample at a fractional position; outside the image it is `background`. */
function sample(image: GrayImage, x: number, y: number, background: number): number {
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const fx = x - x0
  const fy = y - y0
  const top = pixel(image, x0, y0, background) * (1 - fx) + pixel(image, x0 + 1, y0, background) * fx
  const bottom = pixel(image, x0, y0 + 1, background) * (1 - fx) + pixel(image, x0 + 1, y0 + 1, background) * fx
  return top * (1 - fy) + bottom * fy
}

export interface RasterizeOptions {
  pixelsPerModule: number
  /** light border in modules; default 4 (the printed quiet zone) */
  quietZone?: number
  /** grey level of dark modules; default 0 */
  ink?: number
  /** grey level of light modules and the border; default 255 */
  paper?: number
}

/** The matrix drawn at an integer number of pixels per module. */
export function rasterize(matrix: ModuleMatrix, options: RasterizeOptions): GrayImage {
  const { pixelsPerModule: ppm, quietZone = 4, ink = 0, paper = WHITE } = options
  if (!Number.isInteger(ppm) || ppm < 1) throw new RangeError('pixelsPerModule must be a positive integer')
  const side = (matrix.size + 2 * quietZone) * ppm
  const image = blank(side, side, paper)
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (!matrix.dark[row * matrix.size + col]) continue
      const x0 = (col + quietZone) * ppm
      const y0 = (row + quietZone) * ppm
      for (let y = y0; y < y0 + ppm; y++) image.data.fill(ink, y * side + x0, y * side + x0 + ppm)
    }
  }
  return image
}

/** The RGBA image a decoder takes; `tint` multiplies the channels (e.g. warm indoor light). */
export function toRgba(image: GrayImage, tint: readonly [number, number, number] = [1, 1, 1]): RgbaImage {
  if (tint[0] === 1 && tint[1] === 1 && tint[2] === 1) return planeToRgba(image.data, image.width, image.height)
  const out = new Uint8ClampedArray(image.width * image.height * 4)
  for (let i = 0, p = 0; i < image.data.length; i++, p += 4) {
    const v = image.data[i]
    out[p] = v * tint[0]
    out[p + 1] = v * tint[1]
    out[p + 2] = v * tint[2]
    out[p + 3] = 255
  }
  return { data: out, width: image.width, height: image.height }
}

/** Applies steps left to right. */
export function pipeline(image: GrayImage, ...steps: Step[]): GrayImage {
  return steps.reduce((img, step) => step(img), image)
}

/** Shrinks (or enlarges) by factor with area averaging, as a camera sensor integrates light. */
export function scale(factor: number): Step {
  if (!(factor > 0)) throw new RangeError('factor must be positive')
  return (image) => {
    const width = Math.max(1, Math.round(image.width * factor))
    const height = Math.max(1, Math.round(image.height * factor))
    return { width, height, data: resampleArea(image.data, image.width, image.height, width, height) }
  }
}

/** Puts image on a larger background (e.g. the rest of the certificate) at (x, y). */
export function place(width: number, height: number, x: number, y: number, background = WHITE): Step {
  return (image) => {
    const out = blank(width, height, background)
    for (let row = 0; row < image.height; row++) {
      const ty = y + row
      if (ty < 0 || ty >= height) continue
      for (let col = 0; col < image.width; col++) {
        const tx = x + col
        if (tx >= 0 && tx < width) out.data[ty * width + tx] = image.data[row * image.width + col]
      }
    }
    return out
  }
}

/**
 * Rotation by degrees (clockwise on screen) about the centre with bilinear sampling; the canvas
 * grows to hold the whole rotated image, corners filled with background.
 */
export function rotate(degrees: number, background = WHITE): Step {
  return (image) => {
    const a = (degrees * Math.PI) / 180
    const cos = Math.cos(a)
    const sin = Math.sin(a)
    // Exact multiples of 90 degrees keep their size (no half-pixel growth from rounding).
    const width = Math.round(Math.abs(image.width * cos) + Math.abs(image.height * sin))
    const height = Math.round(Math.abs(image.width * sin) + Math.abs(image.height * cos))
    const out = blank(width, height, background)
    const cxIn = image.width / 2
    const cyIn = image.height / 2
    const cxOut = width / 2
    const cyOut = height / 2
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        // inverse mapping: pixel centre in the output -> position in the input
        const dx = x + 0.5 - cxOut
        const dy = y + 0.5 - cyOut
        const sx = cos * dx + sin * dy + cxIn - 0.5
        const sy = -sin * dx + cos * dy + cyIn - 0.5
        out.data[y * width + x] = sample(image, sx, sy, background)
      }
    }
    return out
  }
}

/** Solves the 8 x 8 system of a homography by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r
    if (Math.abs(m[pivot][col]) < 1e-12) throw new RangeError('degenerate quadrilateral')
    ;[m[col], m[pivot]] = [m[pivot], m[col]]
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const f = m[r][col] / m[col][col]
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c]
    }
  }
  return m.map((row, i) => row[n] / row[i])
}

/** The homography (h11..h32, h33 = 1) that maps each from[i] to to[i]. */
function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = []
  const b: number[] = []
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]
    const { x: u, y: v } = to[i]
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y])
    b.push(u)
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y])
    b.push(v)
  }
  return solve(a, b)
}

/**
 * Perspective warp: the image's corners (top-left, top-right, bottom-right, bottom-left) land on
 * `corners` in an output of width x height; bilinear sampling, background elsewhere.
 */
export function perspective(corners: readonly [Point, Point, Point, Point], width: number, height: number, background = WHITE): Step {
  return (image) => {
    const src: Point[] = [
      { x: 0, y: 0 },
      { x: image.width, y: 0 },
      { x: image.width, y: image.height },
      { x: 0, y: image.height },
    ]
    // Inverse mapping (output -> input), so every output pixel gets exactly one sample.
    const h = homography(corners, src)
    const out = blank(width, height, background)
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const px = x + 0.5
        const py = y + 0.5
        const w = h[6] * px + h[7] * py + 1
        const sx = (h[0] * px + h[1] * py + h[2]) / w - 0.5
        const sy = (h[3] * px + h[4] * py + h[5]) / w - 0.5
        out.data[y * width + x] = sample(image, sx, sy, background)
      }
    }
    return out
  }
}

/**
 * Keystone of a camera that is not square to the paper: the top edge shortened by the fraction
 * `top` (camera below the print, tilted up; negative: the bottom edge shortened) and the right
 * edge by `right` (camera left of the print), each symmetrically. Same output size.
 */
export function keystone(top: number, right = 0, background = WHITE): Step {
  return (image) => {
    const w = image.width
    const h = image.height
    const t = Math.max(0, top) * w / 2
    const b = Math.max(0, -top) * w / 2
    const r = Math.max(0, right) * h / 2
    const l = Math.max(0, -right) * h / 2
    const corners: [Point, Point, Point, Point] = [
      { x: t, y: l },
      { x: w - t, y: r },
      { x: w - b, y: h - r },
      { x: b, y: h - l },
    ]
    return perspective(corners, w, h, background)(image)
  }
}

function convolveSeparable(image: GrayImage, kernel: Float32Array): GrayImage {
  const { width, height, data } = image
  const radius = (kernel.length - 1) / 2
  const tmp = new Float32Array(data.length)
  const out = new Float32Array(data.length)
  // Edges repeat the border pixel, as blur in a photo continues the paper beyond the crop.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let k = -radius; k <= radius; k++) {
        const xx = x + k < 0 ? 0 : x + k >= width ? width - 1 : x + k
        sum += data[y * width + xx] * kernel[k + radius]
      }
      tmp[y * width + x] = sum
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let k = -radius; k <= radius; k++) {
        const yy = y + k < 0 ? 0 : y + k >= height ? height - 1 : y + k
        sum += tmp[yy * width + x] * kernel[k + radius]
      }
      out[y * width + x] = sum
    }
  }
  return { width, height, data: out }
}

/** Gaussian blur (defocus, hand shake) with standard deviation sigma, in pixels. */
export function gaussianBlur(sigma: number): Step {
  if (!(sigma > 0)) throw new RangeError('sigma must be positive')
  const radius = Math.ceil(3 * sigma)
  const kernel = new Float32Array(2 * radius + 1)
  let sum = 0
  for (let k = -radius; k <= radius; k++) {
    kernel[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma))
    sum += kernel[k + radius]
  }
  for (let i = 0; i < kernel.length; i++) kernel[i] /= sum
  return (image) => convolveSeparable(image, kernel)
}

/** Box blur over (2 * radius + 1) pixels each way: a cheap, harsher defocus. */
export function boxBlur(radius: number): Step {
  if (!Number.isInteger(radius) || radius < 1) throw new RangeError('radius must be a positive integer')
  const kernel = new Float32Array(2 * radius + 1).fill(1 / (2 * radius + 1))
  return (image) => convolveSeparable(image, kernel)
}

/** Sensor noise: Gaussian with standard deviation sigma (grey levels), clipped to 0-255. */
export function noise(sigma: number, seed: number): Step {
  return (image) => {
    const random = seededRandom(seed)
    const out = new Float32Array(image.data.length)
    for (let i = 0; i < out.length; i++) {
      // Box-Muller; 1 - random() avoids log(0).
      const g = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
      out[i] = clamp255(image.data[i] + sigma * g)
    }
    return { width: image.width, height: image.height, data: out }
  }
}

export interface LightingOptions {
  /** contrast kept around mid-grey, 1 = unchanged; e.g. 0.3 for a faded print under glare */
  contrast?: number
  /** added to every level (negative: darker) */
  brightness?: number
  /** light falls off linearly across the image by this fraction (0-1) ... */
  gradient?: number
  /** ... in this direction, degrees (0 = darker towards the right, 90 = towards the bottom) */
  gradientAngle?: number
  /** darkening towards the corners (0-1), as lens vignetting or a lamp's spot */
  vignette?: number
}

/** Uneven lighting and a contrast drop. */
export function lighting(options: LightingOptions): Step {
  const { contrast = 1, brightness = 0, gradient = 0, gradientAngle = 0, vignette = 0 } = options
  return (image) => {
    const { width, height, data } = image
    const out = new Float32Array(data.length)
    const a = (gradientAngle * Math.PI) / 180
    const dirX = Math.cos(a)
    const dirY = Math.sin(a)
    const cx = width / 2
    const cy = height / 2
    const rMax2 = cx * cx + cy * cy
    // projection of the corners on the gradient direction, to normalise it to 0..1
    const extent = Math.abs(dirX) * width + Math.abs(dirY) * height
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const along = ((x - cx) * dirX + (y - cy) * dirY) / extent + 0.5
        const r2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / rMax2
        const light = (1 - gradient * along) * (1 - vignette * r2)
        const v = 128 + (data[y * width + x] - 128) * contrast + brightness
        out[y * width + x] = clamp255(v * light)
      }
    }
    return { width, height, data: out }
  }
}

/** Light on dark (a code shown on a dark-mode screen). */
export function invert(): Step {
  return (image) => ({ width: image.width, height: image.height, data: image.data.map((v) => 255 - v) })
}

// The JPEG standard's example luminance quantization table (ITU-T T.81, Annex K).
const JPEG_LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80,
  62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98,
  112, 100, 103, 99,
]

const DCT = (() => {
  const c = new Float64Array(64)
  for (let k = 0; k < 8; k++) {
    for (let n = 0; n < 8; n++) c[k * 8 + n] = (k === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * n + 1) * k * Math.PI) / 16)
  }
  return c
})()

/**
 * JPEG-like compression at quality 1-100 (the IJG scaling of the standard table): 8 x 8
 * blocks, DCT, quantization, inverse DCT. Gives the blockiness and ringing of a photo that was
 * saved and sent on.
 */
export function jpegLike(quality: number): Step {
  if (!(quality >= 1 && quality <= 100)) throw new RangeError('quality must be 1-100')
  const s = quality < 50 ? 5000 / quality : 200 - 2 * quality
  const q = JPEG_LUMA_QUANT.map((v) => Math.min(255, Math.max(1, Math.floor((v * s + 50) / 100))))
  return (image) => {
    const { width, height, data } = image
    const out = new Float32Array(data.length)
    const block = new Float64Array(64)
    const tmp = new Float64Array(64)
    for (let by = 0; by < height; by += 8) {
      for (let bx = 0; bx < width; bx += 8) {
        for (let y = 0; y < 8; y++) {
          for (let x = 0; x < 8; x++) {
            const yy = Math.min(height - 1, by + y)
            const xx = Math.min(width - 1, bx + x)
            block[y * 8 + x] = data[yy * width + xx] - 128
          }
        }
        // forward DCT: rows, then columns
        for (let y = 0; y < 8; y++) {
          for (let k = 0; k < 8; k++) {
            let sum = 0
            for (let n = 0; n < 8; n++) sum += DCT[k * 8 + n] * block[y * 8 + n]
            tmp[y * 8 + k] = sum
          }
        }
        for (let x = 0; x < 8; x++) {
          for (let k = 0; k < 8; k++) {
            let sum = 0
            for (let n = 0; n < 8; n++) sum += DCT[k * 8 + n] * tmp[n * 8 + x]
            block[k * 8 + x] = Math.round(sum / q[k * 8 + x]) * q[k * 8 + x]
          }
        }
        // inverse DCT: columns, then rows
        for (let x = 0; x < 8; x++) {
          for (let n = 0; n < 8; n++) {
            let sum = 0
            for (let k = 0; k < 8; k++) sum += DCT[k * 8 + n] * block[k * 8 + x]
            tmp[n * 8 + x] = sum
          }
        }
        for (let y = 0; y < 8 && by + y < height; y++) {
          for (let n = 0; n < 8 && bx + n < width; n++) {
            let sum = 0
            for (let k = 0; k < 8; k++) sum += DCT[k * 8 + n] * tmp[y * 8 + k]
            out[(by + y) * width + bx + n] = clamp255(sum + 128)
          }
        }
      }
    }
    return { width, height, data: out }
  }
}

/** Distance of p from the segment a-b, and on which side of the line a->b it lies (sign). */
function signedDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  return ((p.x - a.x) * dy - (p.y - a.y) * dx) / Math.hypot(dx, dy)
}

/**
 * A fold line from `from` to `to` (fractions of the image size): a dark shadow of `width`
 * pixels on one side of the line and a bright highlight on the other, as a creased sheet under
 * a lamp. strength 0-1 is how far the shadow goes towards black.
 */
export function crease(from: Point, to: Point, width: number, strength: number): Step {
  return (image) => {
    const a = { x: from.x * image.width, y: from.y * image.height }
    const b = { x: to.x * image.width, y: to.y * image.height }
    const out = new Float32Array(image.data)
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const d = signedDistance({ x: x + 0.5, y: y + 0.5 }, a, b)
        if (Math.abs(d) > width) continue
        const i = y * image.width + x
        const fall = 1 - Math.abs(d) / width
        out[i] = d < 0 ? out[i] * (1 - strength * fall) : out[i] + (255 - out[i]) * strength * fall
      }
    }
    return { width: image.width, height: image.height, data: out }
  }
}

/**
 * A stain: a blot centred at (cx, cy) (fractions of the image size) with the given radius
 * (fraction of the image width) and a ragged edge, that pulls every level towards `tone` by
 * `opacity` (0-1). A dark tone with high opacity hides the modules beneath it.
 */
export function stain(cx: number, cy: number, radius: number, tone: number, opacity: number, seed: number): Step {
  return (image) => {
    const random = seededRandom(seed)
    // A few random harmonics make the outline irregular, like a real spill.
    const harmonics = Array.from({ length: 5 }, (_, i) => ({ k: i + 2, amp: 0.12 * random(), phase: 2 * Math.PI * random() }))
    const x0 = cx * image.width
    const y0 = cy * image.height
    const r0 = radius * image.width
    const out = new Float32Array(image.data)
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const dx = x + 0.5 - x0
        const dy = y + 0.5 - y0
        const angle = Math.atan2(dy, dx)
        let r = r0
        for (const h of harmonics) r += r0 * h.amp * Math.sin(h.k * angle + h.phase)
        const d = Math.hypot(dx, dy)
        if (d > r) continue
        // soft rim over the outer 15 % of the radius
        const edge = Math.min(1, (r - d) / (0.15 * r))
        const i = y * image.width + x
        out[i] += (tone - out[i]) * opacity * edge
      }
    }
    return { width: image.width, height: image.height, data: out }
  }
}

/** Paints a rectangle (fractions of the image size) in a flat grey level: torn or covered area. */
export function cover(x: number, y: number, w: number, h: number, tone: number): Step {
  return (image) => {
    const out = new Float32Array(image.data)
    const x0 = Math.round(x * image.width)
    const x1 = Math.round((x + w) * image.width)
    const y0 = Math.round(y * image.height)
    const y1 = Math.round((y + h) * image.height)
    for (let yy = Math.max(0, y0); yy < Math.min(image.height, y1); yy++) {
      out.fill(tone, yy * image.width + Math.max(0, x0), yy * image.width + Math.min(image.width, x1))
    }
    return { width: image.width, height: image.height, data: out }
  }
}

/** True for modules of the three finder patterns with their separators (8 x 8 corners). */
function inFinder(size: number, row: number, col: number): boolean {
  return (row < 8 && col < 8) || (row < 8 && col >= size - 8) || (row >= size - 8 && col < 8)
}

/**
 * A copy of matrix with `count` distinct modules outside the finder patterns flipped, chosen by
 * seed: module-level damage (pen marks, print dropouts) that the decoder still locates but must
 * correct, or fail on.
 */
export function flipModules<M extends ModuleMatrix>(matrix: M, count: number, seed: number): M {
  const random = seededRandom(seed)
  const candidates: number[] = []
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) if (!inFinder(matrix.size, row, col)) candidates.push(row * matrix.size + col)
  }
  if (count > candidates.length) throw new RangeError(`at most ${candidates.length} modules can be flipped`)
  // partial Fisher-Yates: the first `count` entries become a uniform random sample
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (candidates.length - i))
    ;[candidates[i], candidates[j]] = [candidates[j], candidates[i]]
  }
  const dark = new Uint8Array(matrix.dark)
  for (let i = 0; i < count; i++) dark[candidates[i]] ^= 1
  return { ...matrix, dark }
}
