export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#0b4f8a',
    navigationBarTitleText: '诚信核验',
    navigationBarTextStyle: 'white',
  },
})
