#!/usr/bin/env node
// Draws the tab bar icons (WeChat's tabBar takes local PNG files, at most 40 KB, 81×81 px
// recommended) into src/assets/tab/. Plain Node, no dependencies: simple strokes rasterised
// with 4×4 supersampling, written as RGBA PNGs. The PNGs are committed; run this again only
// to change them:  node scripts/make-tab-icons.mjs

import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const STROKE = 6
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab')

const COLORS = { normal: [0x7b, 0x87, 0x94], active: [0x0b, 0x4f, 0x8a] }

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

const seg = (ax, ay, bx, by, w = STROKE) => (x, y) => segmentDistance(x, y, ax, ay, bx, by) <= w / 2
const ring = (cx, cy, r, w = STROKE) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r

const ICONS = {
  // a viewfinder: four corners and the scan line
  scan: [
    seg(12, 12, 28, 12), seg(12, 12, 12, 28),
    seg(69, 12, 53, 12), seg(69, 12, 69, 28),
    seg(12, 69, 28, 69), seg(12, 69, 12, 53),
    seg(69, 69, 53, 69), seg(69, 69, 69, 53),
    seg(20, 40.5, 61, 40.5),
  ],
  // a clock
  history: [ring(40.5, 40.5, 28), seg(40.5, 40.5, 40.5, 24), seg(40.5, 40.5, 53, 48)],
  // a magnifying glass
  lookup: [ring(35, 35, 21), seg(50.5, 50.5, 68, 68, STROKE + 2)],
  // an "i" in a circle
  about: [ring(40.5, 40.5, 28), disc(40.5, 27, 4), seg(40.5, 37, 40.5, 56)],
}

function rasterise(shapes, [r, g, b]) {
  const px = Buffer.alloc(SIZE * SIZE * 4)
  const N = 4
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const fx = x + (sx + 0.5) / N
          const fy = y + (sy + 0.5) / N
          if (shapes.some((s) => s(fx, fy))) hits++
        }
      }
      const i = (y * SIZE + x) * 4
      px[i] = r
      px[i + 1] = g
      px[i + 2] = b
      px[i + 3] = Math.round((255 * hits) / (N * N))
    }
  }
  return px
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf) {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0 // no filter
    rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

mkdirSync(outDir, { recursive: true })
for (const [name, shapes] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(outDir, `${name}${state === 'active' ? '-active' : ''}.png`)
    const data = png(rasterise(shapes, color))
    writeFileSync(file, data)
    console.log(`${path.relative(process.cwd(), file)}  ${data.length} bytes`)
  }
}
