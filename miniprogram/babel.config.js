// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// This is a project-wide config (babel.config.js, not .babelrc), so it also applies to the
// files under ../shared that webpack pulls in through the @shared alias.
module.exports = {
  presets: [
    [
      'taro',
      {
        // as in config/index.ts: Preact with React's API through preact/compat
        framework: 'preact',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}
