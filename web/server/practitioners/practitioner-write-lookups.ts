// What a run of practitioner writes has already read in its transaction, handed to the write
// bodies so that they need not read it again (the bulk import reads it once per batch of rows). As
// for enterprises (enterprise-write-lookups.ts): a map answers only for the keys it holds, any other
// key is read from the database, and the bodies keep the maps true as they write.

export interface PractitionerLookups {
  /** USCC → the id of the enterprise of the actor's regions holding it; only enterprises found */
  employersInRegion?: ReadonlyMap<string, string>
  /** ID number → the id of the person holding it, or null when none does */
  idNumberHolders?: Map<string, string | null>
  /** practising registration number → the id of the registration holding it, or null */
  registrationNumberHolders?: Map<string, string | null>
}
