// The QR code printed on certificates, rendered with the `qrcode` library (server side: the
// certificate print page is a React Server Component).
//
// Error correction: level Q (Reed-Solomon restores up to 13 of every 26 error-correction
// codewords per block, ~28 % of the symbol's 466 codewords at version 12). A certificate lives
// folded in a file or pinned to a site board: a fold cracks the ink along a line, a spill or a
// staple wipes out a patch, and the blocks are interleaved so such local damage is spread over
// all of them. Measured (qr-robustness.test.ts, measure-qr-limits.ts): at Q an opaque blot of
// radius 22 % of the printed width (44 mm across on the 100 mm print, about a fifth of the
// symbol) still reads, while the same blot defeats level M. H would add a few more millimetres
// of blot but needs version 14 instead of 12 for a 184-character URL (73 instead of 65 modules
// a side), i.e. 10 % smaller modules at the same printed width: it would cost reading distance
// on every scan to buy a margin only a badly damaged copy needs.
//
// Resulting symbol for `https://portal.example.gov.cn/v/<152 characters>` (184 bytes, byte
// mode): version 12, 65 x 65 modules, 73 x 73 with the 4-module quiet zone. Version 12 at Q
// holds 203 bytes, so origins up to 19 characters longer keep the same size.
//
// Print size: a phone held 1 m from a certificate on a wall sees a field about 1.4 m wide
// (main camera, ~70 degrees horizontal). Scanner apps analyse preview frames 1920-3840 px wide,
// i.e. 0.35-0.7 mm of paper per pixel, and decoders need 2-3 pixels per module (jsQR reads
// reliably from ~3 px/module, from 2.5 with decodeQrFromPhoto's retries; the phones' own
// multi-frame scanners and WeChat's, which also zooms in, manage ~2). So a module should be
// at least ~1.3-1.4 mm: with 73 modules including the quiet zone that is a printed square of
// PRINT_QR_SIZE_MM = 100 mm (1.37 mm per module; the dark symbol itself is 89 mm wide). Smaller
// prints still scan from closer up: the reading distance scales with the module size.

import QRCode from 'qrcode'
import { MAX_SCANNED_LENGTH } from '@shared/certificates/verify'

/** Error-correction level of certificate QR codes (see the header comment). */
export const CERTIFICATE_QR_ERROR_CORRECTION = 'Q' as const
export type CertificateQrErrorCorrection = typeof CERTIFICATE_QR_ERROR_CORRECTION

/** Light border around the symbol, in modules: ISO/IEC 18004 requires 4. */
export const QR_QUIET_ZONE_MODULES = 4

/** Printed width and height of the whole QR square, quiet zone included, in millimetres. */
export const PRINT_QR_SIZE_MM = 100

/** Accessible name of the SVG when the caller gives none. */
export const DEFAULT_QR_TITLE = '证书核验二维码：用手机扫描，核验本证书是否由平台签发、内容是否被篡改'

/** The module matrix of a rendered certificate QR code. */
export interface CertificateQrMatrix {
  /** QR version, 1-40 */
  version: number
  /** modules per side, without the quiet zone (4 * version + 17) */
  size: number
  errorCorrectionLevel: CertificateQrErrorCorrection
  /** size * size entries, row by row; 1 = dark module */
  dark: Uint8Array
}

export interface CertificateQrSvgOptions {
  /** accessible name (the SVG's <title>); defaults to DEFAULT_QR_TITLE */
  title?: string
  /** id of the <title> element; defaults to one derived from the URL, so several codes on a
   *  page get distinct ids and the markup is the same on every render */
  titleId?: string
  /** CSS length for the width and height attributes; defaults to PRINT_QR_SIZE_MM millimetres;
   *  null leaves the size to the page's CSS */
  size?: string | null
}

export interface CertificateQrPngOptions {
  /** pixels per module, default 8 (73 modules -> 584 px for the usual version 12) */
  pixelsPerModule?: number
}

function requireQrText(url: string): void {
  // A text the verifier rejects unread (too long) must never be printed as a certificate code.
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_SCANNED_LENGTH) {
    throw new RangeError(`certificate QR content must be 1-${MAX_SCANNED_LENGTH} characters`)
  }
}

function createSymbol(url: string): QRCode.QRCode {
  requireQrText(url)
  return QRCode.create(url, { errorCorrectionLevel: CERTIFICATE_QR_ERROR_CORRECTION })
}

function toMatrix(symbol: QRCode.QRCode): CertificateQrMatrix {
  const { size, data } = symbol.modules
  const dark = new Uint8Array(size * size)
  // Copied (and normalized to 0/1) so callers cannot reach into the library's object.
  for (let i = 0; i < dark.length; i++) dark[i] = data[i] ? 1 : 0
  return { version: symbol.version, size, errorCorrectionLevel: CERTIFICATE_QR_ERROR_CORRECTION, dark }
}

/** The module matrix of the certificate QR code for url. Throws RangeError on an unusable url. */
export function certificateQrMatrix(url: string): CertificateQrMatrix {
  return toMatrix(createSymbol(url))
}

/** True if the module at (row, col) of matrix is dark. */
export function isDarkModule(matrix: CertificateQrMatrix, row: number, col: number): boolean {
  return matrix.dark[row * matrix.size + col] === 1
}

/** Printed module width in millimetres when a symbol of `size` modules is printed at sizeMm. */
export function printModuleSizeMm(size: number, sizeMm: number = PRINT_QR_SIZE_MM): number {
  return sizeMm / (size + 2 * QR_QUIET_ZONE_MODULES)
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** FNV-1a, only to derive a stable element id from the URL (not a security function). */
function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

/**
 * The path data of the dark modules: one rectangle per horizontal run of dark modules, in
 * module units offset by the quiet zone. Filled rectangles on integer coordinates (rather than
 * the library's 1-unit strokes) keep every edge on the module grid at any scale.
 */
function darkModulesPath(matrix: CertificateQrMatrix): string {
  const { size, dark } = matrix
  const parts: string[] = []
  for (let row = 0; row < size; row++) {
    let col = 0
    while (col < size) {
      if (!dark[row * size + col]) {
        col++
        continue
      }
      const start = col
      while (col < size && dark[row * size + col]) col++
      const run = col - start
      parts.push(`M${start + QR_QUIET_ZONE_MODULES} ${row + QR_QUIET_ZONE_MODULES}h${run}v1h-${run}z`)
    }
  }
  return parts.join('')
}

/**
 * An SVG document (a string, for the print page's markup) of the certificate QR code for url:
 * black modules on a white square including the 4-module quiet zone, `shape-rendering="crispEdges"`
 * so that screens and printers do not smear module edges, and a <title> as its accessible name.
 * Throws RangeError on an unusable url.
 */
export function certificateQrSvg(url: string, options: CertificateQrSvgOptions = {}): string {
  const matrix = certificateQrMatrix(url)
  const total = matrix.size + 2 * QR_QUIET_ZONE_MODULES
  const title = options.title ?? DEFAULT_QR_TITLE
  const titleId = options.titleId ?? `certificate-qr-${shortHash(url)}`
  const size = options.size === undefined ? `${PRINT_QR_SIZE_MM}mm` : options.size
  const dimensions = size === null ? '' : ` width="${escapeXml(size)}" height="${escapeXml(size)}"`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}"${dimensions}` +
    ` role="img" aria-labelledby="${escapeXml(titleId)}" shape-rendering="crispEdges">` +
    `<title id="${escapeXml(titleId)}">${escapeXml(title)}</title>` +
    `<rect width="${total}" height="${total}" fill="#fff"/>` +
    `<path fill="#000" d="${darkModulesPath(matrix)}"/>` +
    `</svg>`
  )
}

/**
 * A PNG data URL of the same symbol (same level, 4-module quiet zone), e.g. for a download or
 * an e-mail where SVG is not welcome. Node only: the library's Node build encodes the PNG with
 * pngjs (pure JavaScript); its browser build would need a canvas.
 */
export async function certificateQrPngDataUrl(url: string, options: CertificateQrPngOptions = {}): Promise<string> {
  requireQrText(url)
  const pixelsPerModule = options.pixelsPerModule ?? 8
  if (!Number.isInteger(pixelsPerModule) || pixelsPerModule < 1 || pixelsPerModule > 64) {
    throw new RangeError('pixelsPerModule must be an integer from 1 to 64')
  }
  return QRCode.toDataURL(url, {
    type: 'image/png',
    errorCorrectionLevel: CERTIFICATE_QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE_MODULES,
    scale: pixelsPerModule,
    color: { dark: '#000000ff', light: '#ffffffff' },
  })
}
