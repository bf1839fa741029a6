-- Substring search on PostgreSQL (docs/database.md, "Substring search"). Names: a generated array
-- of every character and adjacent pair (ASCII folded to lower case, as search_tokens), with a GIN
-- index, so that "contains 海口" is `"searchGrams" @> '{海口}'` plus the LIKE re-check, in one
-- statement, with the array element statistics telling the planner how common a gram is. Being a
-- generated column it follows every write (Prisma, raw bulk INSERT, COPY) with no trigger. Codes
-- (USCC, project code, permit and filing numbers): pg_trgm indexes, which serve LIKE '%…%' of three
-- characters or more (shorter pieces of a code are in most codes, so a scan fills a page at once).
-- No semicolon in these comments or the function body: the migrator's driver adapter cuts scripts at each one.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION "search_grams"(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(f, i, 1) AS g FROM (SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS f) AS x, generate_series(1, length(f)) AS i
    UNION ALL
    SELECT substr(f, i, 2) FROM (SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS f) AS x, generate_series(1, length(f) - 1) AS i
  ) AS grams
$$;

ALTER TABLE "Enterprise" ADD COLUMN "searchGrams" text[] GENERATED ALWAYS AS ("search_grams"("name")) STORED;
ALTER TABLE "Person" ADD COLUMN "searchGrams" text[] GENERATED ALWAYS AS ("search_grams"("name")) STORED;
ALTER TABLE "Project" ADD COLUMN "searchGrams" text[] GENERATED ALWAYS AS ("search_grams"("name")) STORED;

CREATE INDEX "Enterprise_searchGrams_idx" ON "Enterprise" USING gin ("searchGrams");
CREATE INDEX "Person_searchGrams_idx" ON "Person" USING gin ("searchGrams");
CREATE INDEX "Project_searchGrams_idx" ON "Project" USING gin ("searchGrams");

CREATE INDEX "Enterprise_uscc_trgm_idx" ON "Enterprise" USING gin ("uscc" gin_trgm_ops);
CREATE INDEX "Project_projectCode_trgm_idx" ON "Project" USING gin ("projectCode" gin_trgm_ops);
CREATE INDEX "ConstructionPermit_permitNumber_trgm_idx" ON "ConstructionPermit" USING gin ("permitNumber" gin_trgm_ops);
CREATE INDEX "CompletionFiling_filingNumber_trgm_idx" ON "CompletionFiling" USING gin ("filingNumber" gin_trgm_ops);

-- The rows whose code holds a character no code should (normally none): a piece such as 王伟 can
-- only be in those, and these indexes find them without reading the table.
CREATE INDEX "Enterprise_uscc_unusual_idx" ON "Enterprise" ("id") WHERE "uscc" !~ '^[0-9A-Z]*$';
CREATE INDEX "Project_projectCode_unusual_idx" ON "Project" ("id") WHERE "projectCode" !~ '^[0-9A-Z]*$';
CREATE INDEX "ConstructionPermit_permitNumber_unusual_idx" ON "ConstructionPermit" ("id") WHERE "permitNumber" !~ '^[0-9A-Z]*$';
CREATE INDEX "CompletionFiling_filingNumber_unusual_idx" ON "CompletionFiling" ("id") WHERE "filingNumber" !~ '^[0-9A-Z]*$';
