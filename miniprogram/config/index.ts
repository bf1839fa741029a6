import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { parsePortalOrigin } from './portal-origin'
import { JWKS_FILE_VAR, resolveBundledKeys, TEST_KEY_VAR } from './bundled-keys'
import { LOG_VKEY_VAR, resolveBundledLogKey } from './log-key'
import { OwnNodeModulesOnlyPlugin } from './own-node-modules'
import devConfig from './dev'
import prodConfig from './prod'

// Config reference: https://docs.taro.zone/docs/config-detail

const appRoot = path.resolve(__dirname, '..')
/** Pure domain code shared with the portal, outside this project's root. */
const sharedDir = path.resolve(appRoot, '..', 'shared')
/** This project's own node_modules: React 18 lives here, React 19 in the root's. */
const ownNodeModules = path.join(appRoot, 'node_modules')

/**
 * Files Taro's babel rule must compile besides src/ and Taro's own packages: the shared code,
 * and the packages it brings in that ship syntax newer than the browserslist targets in
 * package.json (zod and @noble/* are ES2020+: `?.`, `??`, class fields), which the oldest
 * supported WeChat clients cannot parse. jsqr, fflate and Preact ship ES5 and need nothing.
 */
const compileInclude = [sharedDir, (file: string) => /[\\/]node_modules[\\/](?:zod|@noble[\\/](?:curves|hashes))[\\/]/.test(file)]

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp'

  // Build-time settings (shell environment first, then .env files, which Taro loads for
  // TARO_APP_* keys before it reads this config).
  const portalOrigin = parsePortalOrigin(process.env.TARO_APP_PORTAL_ORIGIN)
  // The platform keys to embed for offline verification; throws (failing the build) when a
  // build for a real portal has none. See config/bundled-keys.ts.
  const bundledKeys = resolveBundledKeys({
    jwksFile: process.env[JWKS_FILE_VAR],
    allowTestKey: process.env[TEST_KEY_VAR],
    mode: process.env.NODE_ENV === 'development' ? 'development' : 'production',
    portalOrigin,
    baseDir: appRoot,
  })
  const bundledLogKey = resolveBundledLogKey({
    value: process.env[LOG_VKEY_VAR],
    mode: process.env.NODE_ENV === 'development' ? 'development' : 'production',
    portalOrigin,
  })
  for (const warning of [...bundledKeys.warnings, ...bundledLogKey.warnings]) console.warn(`\n[integrity-inspector] WARNING: ${warning}\n`)
  if (bundledKeys.jwks) {
    console.log(`[integrity-inspector] embedding platform keys ${bundledKeys.keyIds.join(', ')} from ${bundledKeys.source}`)
  }
  // h5: a relative public path lets the static build be served from any sub-path (hash
  // routing keeps every route on index.html); the dev server needs an absolute one.
  const h5PublicPath =
    process.env.TARO_APP_H5_PUBLIC_PATH || (process.env.NODE_ENV === 'development' ? '/' : './')

  /**
   * Files under ../shared are outside the project root, so by default (1) Taro's babel rule
   * would not compile them and (2) their bare imports (`zod`) would be resolved by walking up
   * from ../shared, i.e. into the root project's node_modules. compileInclude fixes (1); a
   * rule-level resolve for modules issued from ../shared fixes (2) without changing how
   * packages inside node_modules resolve their own (possibly nested) dependencies.
   */
  function resolveSharedFromOwnNodeModules(chain: any) {
    chain.module
      .rule('shared-resolve')
      .test(/\.[cm]?[jt]sx?$/)
      .include.add(sharedDir)
      .end()
      .resolve.modules.clear()
      .add(ownNodeModules)
    chain.plugin('own-node-modules-only').use(OwnNodeModulesOnlyPlugin, [appRoot])
  }

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'integrity-inspector',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    // Depth of the nested templates Taro writes into base.wxml for WeChat (which cannot recurse
    // templates); deeper nodes continue through the recursive `comp` component. Our deepest page
    // is about 9 levels, so 8 costs at most one component hop, and base.wxml shrinks from 54 KB
    // (16 levels, Taro's default) to 32 KB of the 400 KB main package (issue 15).
    baseLevel: 8,
    sourceRoot: 'src',
    // the browser tests build the H5 app for their own portal into a folder of their own
    outputRoot: process.env.TARO_APP_OUTPUT_ROOT || `dist/${platform}`,
    plugins: [],
    defineConstants: {
      PORTAL_ORIGIN: JSON.stringify(portalOrigin),
      // the JWKS as one JSON string literal: parsed once at start by src/lib/build-env.ts
      BUNDLED_JWKS: JSON.stringify(bundledKeys.jwks ? JSON.stringify(bundledKeys.jwks) : null),
      BUNDLED_JWKS_SOURCE: JSON.stringify(bundledKeys.source),
      BUNDLED_PUBLIC_TEST_KEY: JSON.stringify(bundledKeys.publicTestKey),
      BUNDLED_LOG_VKEY: JSON.stringify(bundledLogKey.vkey),
      BUILD_TIME: JSON.stringify(new Date().toISOString()),
    },
    alias: {
      '@shared': sharedDir,
      '@': path.join(appRoot, 'src'),
    },
    copy: {
      patterns:
        platform === 'weapp'
          ? [{ from: 'project.private.config.json', to: `dist/${platform}/project.private.config.json` }]
          : [],
      options: {},
    },
    // Preact through preact/compat (Taro aliases react → preact/compat): the pages keep React's API
    // and types, and the main package loses the 91 KB React reconciler (issue 15). Keep
    // babel.config.js's `framework` the same.
    framework: 'preact',
    compiler: {
      type: 'webpack5',
      // Prebundling (dev only) would bundle node_modules with esbuild outside the rules above.
      prebundle: { enable: false },
    },
    cache: {
      enable: false,
    },
    mini: {
      compile: {
        include: compileInclude,
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
        },
      },
      webpackChain(chain) {
        resolveSharedFromOwnNodeModules(chain)
      },
    },
    h5: {
      publicPath: h5PublicPath,
      staticDirectory: 'static',
      router: {
        mode: 'hash',
      },
      compile: {
        include: compileInclude,
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
        },
      },
      webpackChain(chain) {
        resolveSharedFromOwnNodeModules(chain)
        // The Taro H5 runtime and Preact, zod/mini, the Ed25519 verifier and the log codecs
        // (offline checks need them at start); jsqr loads with the scan page only. Warn only well
        // above what they weigh.
        chain.performance.maxEntrypointSize(650 * 1024).maxAssetSize(500 * 1024)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
