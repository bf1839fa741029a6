/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** NODE 内置环境变量, 会影响到最终构建生成产物 */
    NODE_ENV: 'development' | 'production'
    /** 当前构建的平台 */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** 小程序 appid（未设置时使用 project.config.json 中的 touristappid） */
    TARO_APP_ID?: string
    /** 门户（Web 平台及 /api/v1）的 origin，构建时写入，默认 http://localhost:3000 */
    TARO_APP_PORTAL_ORIGIN?: string
    /** H5 静态产物的 publicPath，默认 './'，可部署在任意子路径下 */
    TARO_APP_H5_PUBLIC_PATH?: string
    /** 平台公钥 JWKS 文件（/.well-known/jwks.json 的副本），构建时内置，用于离线核验签名 */
    TARO_APP_JWKS_FILE?: string
    /** 透明日志的验证公钥（/log/vkey 的内容），构建时内置，用于核验撤销名单和日志检查点 */
    TARO_APP_LOG_VKEY?: string
    /** 设为 1 时内置公开测试密钥（仅限开发构建和本机门户的构建） */
    TARO_APP_ALLOW_PUBLIC_TEST_KEY?: string
  }
}
