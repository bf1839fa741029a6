// Options for the filters the lists share.
import { PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { cityCountyRegions } from '@shared/regions/hainan'

export const regionOptions = cityCountyRegions().map((r) => ({ value: r.code, label: r.name }))

export const categoryOptions = PROJECT_CATEGORIES.map((c) => ({ value: c, label: PROJECT_CATEGORY_LABELS[c] }))

/** The platform's records start in 2014. */
export const FIRST_YEAR = 2014
