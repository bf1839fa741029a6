// Pages and the tab bar. The first page is the start page: scanning is what inspectors open
// the app for. Result and subject are reached from the tabs and are not tabs themselves.
export default defineAppConfig({
  pages: [
    'pages/scan/index',
    'pages/history/index',
    'pages/lookup/index',
    'pages/about/index',
    'pages/result/index',
    'pages/subject/index',
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#0b4f8a',
    navigationBarTitleText: '诚信核验',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#7b8794',
    selectedColor: '#0b4f8a',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/scan/index', text: '扫码', iconPath: 'assets/tab/scan.png', selectedIconPath: 'assets/tab/scan-active.png' },
      { pagePath: 'pages/history/index', text: '记录', iconPath: 'assets/tab/history.png', selectedIconPath: 'assets/tab/history-active.png' },
      { pagePath: 'pages/lookup/index', text: '查询', iconPath: 'assets/tab/lookup.png', selectedIconPath: 'assets/tab/lookup-active.png' },
      { pagePath: 'pages/about/index', text: '关于', iconPath: 'assets/tab/about.png', selectedIconPath: 'assets/tab/about-active.png' },
    ],
  },
  // wx.request's own ceiling; src/lib enforces shorter deadlines per call
  networkTimeout: { request: 10000 },
})
