// Colours of the charts, shared with the HTML legends the server renders (brand and seal of globals.css).
export const TREND_COLORS = { current: '#0b3d91', previous: '#b8102a' } as const
export const BAR_COLOR = '#0b3d91'
