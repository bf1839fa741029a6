// A subject's region, as the public lists filter by it: an enterprise's registered region, a
// practitioner's employer's — not the issuing body's (many records come from bodies that are not
// one of the portal's authorities). Used by the exposure board, the credit ranking and the
// blacklist, whose rows belong to either kind of subject.
//
// The filter is a list of disjoint branches, one per kind of subject, read one by one
// (findInBranches in lib/keyset-page.ts): Prisma writes each relation filter as a LEFT JOIN, and
// their OR as one where would make PostgreSQL join every row; alone, each starts from the region.

export type SubjectKind = 'ENTERPRISE' | 'PERSON'

/** One kind of subject in `region`. */
export type SubjectRegionWhere =
  | { subjectType: 'ENTERPRISE'; enterprise: { regionCode: string } }
  | { subjectType: 'PERSON'; person: { employer: { regionCode: string } } }

/** The kinds of subject asked for (`subjectType`, else both), each in `region`. */
export function subjectRegionBranches(region: string, subjectType?: SubjectKind): SubjectRegionWhere[] {
  return [
    ...(subjectType !== 'PERSON' ? [{ subjectType: 'ENTERPRISE' as const, enterprise: { regionCode: region } }] : []),
    ...(subjectType !== 'ENTERPRISE' ? [{ subjectType: 'PERSON' as const, person: { employer: { regionCode: region } } }] : []),
  ]
}

/** `base` split into those branches, or `base` alone without a region. */
export function withSubjectRegion<W>(base: W, region: string | undefined, subjectType?: SubjectKind): (W | { AND: (W | SubjectRegionWhere)[] })[] {
  return region ? subjectRegionBranches(region, subjectType).map((r) => ({ AND: [base, r] })) : [base]
}
