// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// This is a project-wide config (babel.config.js, not .babelrc), so it also applies to the
// files under ../shared that webpack pulls in through the @shared alias.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}
