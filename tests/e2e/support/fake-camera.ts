// A fake camera for Chromium: a Y4M video (YUV 4:2:0) that shows one still picture, which
// Chromium plays to getUserMedia when started with --use-file-for-fake-video-capture.
import fs from 'node:fs'
import { PNG } from 'pngjs'

/** Writes `frames` frames of the PNG, centred on a white canvas of width × height, to file. */
export function writeY4mStill(png: Buffer, file: string, width = 640, height = 480, frames = 10): void {
  const image = PNG.sync.read(png)
  const y = Buffer.alloc(width * height, 235)
  const left = Math.floor((width - image.width) / 2)
  const top = Math.floor((height - image.height) / 2)
  for (let row = 0; row < image.height; row++) {
    for (let col = 0; col < image.width; col++) {
      const x = left + col
      const yy = top + row
      if (x < 0 || yy < 0 || x >= width || yy >= height) continue
      const i = (row * image.width + col) * 4
      const luma = 0.299 * image.data[i] + 0.587 * image.data[i + 1] + 0.114 * image.data[i + 2]
      // video range: black 16, white 235
      y[yy * width + x] = Math.round(16 + (luma / 255) * 219)
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]))
}
