export default definePageConfig({
  navigationBarTitleText: '信用信息',
})
