import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { parsePortalOrigin } from './portal-origin'
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
 * and the packages it brings in that ship modern syntax (zod's build is ES2020: `?.`, `??`,
 * classes), which older iOS WeChat clients cannot parse.
 */
const compileInclude = [sharedDir, (file: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(file)]

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp'

  // Build-time settings (shell environment first, then .env files, which Taro loads for
  // TARO_APP_* keys before it reads this config).
  const portalOrigin = parsePortalOrigin(process.env.TARO_APP_PORTAL_ORIGIN)
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
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      PORTAL_ORIGIN: JSON.stringify(portalOrigin),
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
    framework: 'react',
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
        // React 18 + the Taro runtime alone are ~300 KB minified; warn only well above that
        chain.performance.maxEntrypointSize(450 * 1024).maxAssetSize(350 * 1024)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
