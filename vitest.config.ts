import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const alias = {
  '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
  '@db': fileURLToPath(new URL('./prisma', import.meta.url)),
  '@web': fileURLToPath(new URL('./web', import.meta.url)),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          // a random personal-data key ring and transparency-log key per test process (web/server/…)
          setupFiles: ['web/server/personal-data/testing/use-test-keys.ts', 'web/server/transparency-log/testing/use-test-log-key.ts'],
          include: ['shared/**/*.test.ts', 'web/**/*.test.ts', 'scripts/**/*.test.ts', 'prisma/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.db.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          // a random personal-data key ring and transparency-log key per test process (web/server/…)
          setupFiles: ['web/server/personal-data/testing/use-test-keys.ts', 'web/server/transparency-log/testing/use-test-log-key.ts'],
          include: ['prisma/**/*.db.test.ts', 'web/**/*.db.test.ts', 'scripts/**/*.db.test.ts', 'tests/fuzz/**/*.db.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // browser and HTTP tests against the built portal (`next build web` first)
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
