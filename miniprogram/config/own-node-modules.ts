import path from 'node:path'

/**
 * Webpack plugin that fails the build if any bundled module comes from a node_modules folder
 * outside this project (e.g. the root project's, which holds React 19 and its own zod). It
 * guards the resolve settings for ../shared in config/index.ts.
 */
export class OwnNodeModulesOnlyPlugin {
  constructor(private readonly appRoot: string) {}

  apply(compiler: any) {
    const own = path.join(this.appRoot, 'node_modules') + path.sep
    compiler.hooks.compilation.tap('OwnNodeModulesOnlyPlugin', (compilation: any) => {
      compilation.hooks.finishModules.tap('OwnNodeModulesOnlyPlugin', (modules: Iterable<any>) => {
        const foreign = new Set<string>()
        for (const m of modules) {
          const resource: string | undefined = m.resource
          if (!resource) continue
          const file = resource.split('?')[0]
          if (file.includes(`${path.sep}node_modules${path.sep}`) && !file.startsWith(own)) foreign.add(file)
        }
        if (foreign.size > 0) {
          const list = [...foreign].slice(0, 10).join('\n  ')
          compilation.errors.push(
            new compiler.webpack.WebpackError(
              `Modules resolved outside ${own} (the mini-program must bundle only its own dependencies):\n  ${list}`,
            ),
          )
        }
      })
    })
  }
}
