// Who runs the portal: printed in the header, the footer and the page metadata.
export const site = {
  name: '海南省建筑市场诚信信息公开平台',
  description:
    '海南省住房和城乡建设厅主办，公开全省工程建设项目施工许可、竣工验收备案等五个环节信息，以及企业、从业人员的诚信行为记录与信用等级。',
  sponsor: {
    name: '海南省住房和城乡建设厅',
    address: '海南省海口市美兰区国兴大道9号省政府办公区',
    phone: '0898-65391226',
  },
  dataSource: '海南省工程建设项目审批与监管平台',
} as const

/** `0898-65391226` → `tel:+8689865391226`: the trunk 0 drops behind the country code. */
export function telephoneHref(phone: string): string {
  return `tel:+86${phone.replace(/\D/g, '').replace(/^0/, '')}`
}
