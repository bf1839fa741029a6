export default definePageConfig({
  navigationBarTitleText: '工程建设诚信核验',
})
