// Values fixed at build time by Taro's defineConstants (config/index.ts). Read them through
// this module so the rest of the code (and the tests) never touch the bare globals.

declare const PORTAL_ORIGIN: string | undefined

/** The portal origin this build talks to, e.g. "https://portal.example.cn". */
export const portalOrigin: string = typeof PORTAL_ORIGIN === 'string' ? PORTAL_ORIGIN : '（未配置）'
