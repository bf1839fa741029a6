import { z } from 'zod'

export const exportFormatSchema = z.object({
  format: z.enum(['csv', 'json'], { error: 'format 取值应为 csv 或 json' }).default('csv'),
})
