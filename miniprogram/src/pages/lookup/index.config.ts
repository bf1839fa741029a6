export default definePageConfig({
  navigationBarTitleText: '信用查询',
})
