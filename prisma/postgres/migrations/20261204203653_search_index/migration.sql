-- CreateTable
CREATE TABLE "EnterpriseSearchToken" (
    "token" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,

    CONSTRAINT "EnterpriseSearchToken_pkey" PRIMARY KEY ("token","enterpriseId")
);

-- CreateTable
CREATE TABLE "PersonSearchToken" (
    "token" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "PersonSearchToken_pkey" PRIMARY KEY ("token","personId")
);

-- CreateTable
CREATE TABLE "ProjectSearchToken" (
    "token" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,

    CONSTRAINT "ProjectSearchToken_pkey" PRIMARY KEY ("token","projectId")
);

-- CreateIndex
CREATE INDEX "EnterpriseSearchToken_enterpriseId_idx" ON "EnterpriseSearchToken"("enterpriseId");

-- CreateIndex
CREATE INDEX "PersonSearchToken_personId_idx" ON "PersonSearchToken"("personId");

-- CreateIndex
CREATE INDEX "ProjectSearchToken_projectId_idx" ON "ProjectSearchToken"("projectId");

-- AddForeignKey
ALTER TABLE "EnterpriseSearchToken" ADD CONSTRAINT "EnterpriseSearchToken_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonSearchToken" ADD CONSTRAINT "PersonSearchToken_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectSearchToken" ADD CONSTRAINT "ProjectSearchToken_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Substring search index (docs/database.md, "Substring search"): the token tables are kept by
-- triggers, so every way of writing a row (Prisma, the raw bulk INSERTs of the import and the seed,
-- COPY, a console) updates them in the same statement. Only ASCII letters are folded (translate, not
-- lower(), whose Unicode folding depends on the collation) so that both databases and the
-- application's query tokens (web/server/search-index) agree character for character.
CREATE FUNCTION "search_tokens"(t text) RETURNS SETOF text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT substr(f, i, 1) FROM (SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS f) AS x, generate_series(1, length(f)) AS i
  UNION
  SELECT substr(f, i, 2) FROM (SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') AS f) AS x, generate_series(1, length(f) - 1) AS i
$$;

-- The body is an E'' string with \x3b for each semicolon: the migrator's driver adapter cuts
-- scripts at every semicolon, even inside dollar quotes (prisma/migrator.ts, adapter-pg).
CREATE FUNCTION "Enterprise_search_tokens"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    DELETE FROM "EnterpriseSearchToken" WHERE "enterpriseId" = OLD."id"\x3b
  END IF\x3b
  INSERT INTO "EnterpriseSearchToken" ("token", "enterpriseId")
      SELECT "search_tokens"(NEW."name"), NEW."id"
      UNION SELECT "search_tokens"(NEW."uscc"), NEW."id"
    ON CONFLICT DO NOTHING\x3b
  RETURN NULL\x3b
END
'
;

CREATE TRIGGER "Enterprise_search_tokens_insert" AFTER INSERT ON "Enterprise"
  FOR EACH ROW EXECUTE FUNCTION "Enterprise_search_tokens"();

CREATE TRIGGER "Enterprise_search_tokens_update" AFTER UPDATE OF "name", "uscc" ON "Enterprise"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."uscc" IS DISTINCT FROM NEW."uscc") EXECUTE FUNCTION "Enterprise_search_tokens"();

-- back-fill the rows written before this migration
INSERT INTO "EnterpriseSearchToken" ("token", "enterpriseId")
  SELECT "search_tokens"(r."name"), r."id" FROM "Enterprise" AS r
  UNION SELECT "search_tokens"(r."uscc"), r."id" FROM "Enterprise" AS r
  ON CONFLICT DO NOTHING;

-- The body is an E'' string with \x3b for each semicolon: the migrator's driver adapter cuts
-- scripts at every semicolon, even inside dollar quotes (prisma/migrator.ts, adapter-pg).
CREATE FUNCTION "Person_search_tokens"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    DELETE FROM "PersonSearchToken" WHERE "personId" = OLD."id"\x3b
  END IF\x3b
  INSERT INTO "PersonSearchToken" ("token", "personId")
      SELECT "search_tokens"(NEW."name"), NEW."id"
    ON CONFLICT DO NOTHING\x3b
  RETURN NULL\x3b
END
'
;

CREATE TRIGGER "Person_search_tokens_insert" AFTER INSERT ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "Person_search_tokens"();

CREATE TRIGGER "Person_search_tokens_update" AFTER UPDATE OF "name" ON "Person"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "Person_search_tokens"();

-- back-fill the rows written before this migration
INSERT INTO "PersonSearchToken" ("token", "personId")
  SELECT "search_tokens"(r."name"), r."id" FROM "Person" AS r
  ON CONFLICT DO NOTHING;

-- The body is an E'' string with \x3b for each semicolon: the migrator's driver adapter cuts
-- scripts at every semicolon, even inside dollar quotes (prisma/migrator.ts, adapter-pg).
CREATE FUNCTION "Project_search_tokens"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    DELETE FROM "ProjectSearchToken" WHERE "projectId" = OLD."id"\x3b
  END IF\x3b
  INSERT INTO "ProjectSearchToken" ("token", "projectId")
      SELECT "search_tokens"(NEW."name"), NEW."id"
      UNION SELECT "search_tokens"(NEW."projectCode"), NEW."id"
    ON CONFLICT DO NOTHING\x3b
  RETURN NULL\x3b
END
'
;

CREATE TRIGGER "Project_search_tokens_insert" AFTER INSERT ON "Project"
  FOR EACH ROW EXECUTE FUNCTION "Project_search_tokens"();

CREATE TRIGGER "Project_search_tokens_update" AFTER UPDATE OF "name", "projectCode" ON "Project"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."projectCode" IS DISTINCT FROM NEW."projectCode") EXECUTE FUNCTION "Project_search_tokens"();

-- back-fill the rows written before this migration
INSERT INTO "ProjectSearchToken" ("token", "projectId")
  SELECT "search_tokens"(r."name"), r."id" FROM "Project" AS r
  UNION SELECT "search_tokens"(r."projectCode"), r."id" FROM "Project" AS r
  ON CONFLICT DO NOTHING;
