// Finding a QR code in a photo (H5 build: an uploaded picture or a camera frame), with jsqr.
// The page draws the picture into a canvas at the sizes this module asks for and hands over the
// pixels; the decisions (which sizes, in which order, when to give up) are here, testable in Node.
//
// Phone photos are 12+ megapixels: jsqr on the full frame takes seconds on a phone and finds
// less, because the finder patterns' edges are noisy at that scale. A certificate's QR fills a
// fair part of a photo taken to check it, so a moderate size first is both fast and reliable;
// larger sizes are tried only when that fails (a small QR in a wide shot).

import jsQR from 'jsqr'

export interface Pixels {
  /** RGBA, 4 bytes per pixel, row by row */
  data: Uint8ClampedArray
  width: number
  height: number
}

/** Longest sides to try, in order; the picture's own size caps each one. */
export const DECODE_SIDES = [800, 1280, 2000] as const

/** The sizes (width, height) to draw a picture at for decoding, largest side per DECODE_SIDES. */
export function decodeSizes(width: number, height: number, sides: readonly number[] = DECODE_SIDES): { width: number; height: number }[] {
  if (!(width > 0 && height > 0)) return []
  const longest = Math.max(width, height)
  const out: { width: number; height: number }[] = []
  for (const side of sides) {
    const scale = Math.min(1, side / longest)
    const size = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
    if (!out.some((s) => s.width === size.width && s.height === size.height)) out.push(size)
    if (scale === 1) break
  }
  return out
}

/** The text of a QR code in these pixels, or null. Never throws. */
export function decodeQr(pixels: Pixels, options: { tryInverted?: boolean } = {}): string | null {
  try {
    const found = jsQR(pixels.data, pixels.width, pixels.height, {
      inversionAttempts: options.tryInverted ? 'attemptBoth' : 'dontInvert',
    })
    return found && typeof found.data === 'string' && found.data !== '' ? found.data : null
  } catch {
    return null
  }
}

/**
 * Tries each size of decodeSizes; `draw` renders the picture at a size and returns its pixels
 * (null if the platform cannot). Returns the first text found, or null.
 */
export function findQrInPicture(
  width: number,
  height: number,
  draw: (width: number, height: number) => Pixels | null,
): string | null {
  for (const size of decodeSizes(width, height)) {
    const pixels = draw(size.width, size.height)
    if (!pixels) continue
    const text = decodeQr(pixels, { tryInverted: true })
    if (text !== null) return text
  }
  return null
}

/** The size to grab camera frames at: small enough to decode several times a second on a phone. */
export function cameraFrameSize(videoWidth: number, videoHeight: number, side = 640): { width: number; height: number } {
  return decodeSizes(videoWidth, videoHeight, [side])[0] ?? { width: 0, height: 0 }
}
