-- CreateTable
CREATE TABLE "EnterpriseSearchToken" (
    "token" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,

    PRIMARY KEY ("token", "enterpriseId"),
    CONSTRAINT "EnterpriseSearchToken_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonSearchToken" (
    "token" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    PRIMARY KEY ("token", "personId"),
    CONSTRAINT "PersonSearchToken_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectSearchToken" (
    "token" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,

    PRIMARY KEY ("token", "projectId"),
    CONSTRAINT "ProjectSearchToken_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EnterpriseSearchToken_enterpriseId_idx" ON "EnterpriseSearchToken"("enterpriseId");

-- CreateIndex
CREATE INDEX "PersonSearchToken_personId_idx" ON "PersonSearchToken"("personId");

-- CreateIndex
CREATE INDEX "ProjectSearchToken_projectId_idx" ON "ProjectSearchToken"("projectId");

-- Substring search index (docs/database.md, "Substring search"): the token tables are kept by
-- triggers, so every way of writing a row (Prisma, the raw bulk INSERTs of the import and the seed,
-- a console) updates them in the same statement. Positions come from json_each over a JSON array of
-- length(text) zeros because SQLite allows no WITH (recursive CTE) inside a trigger. lower() folds
-- ASCII letters only, as SQLite's LIKE does; deleting a row deletes its tokens by the cascading key.

CREATE TRIGGER "Enterprise_search_tokens_insert" AFTER INSERT ON "Enterprise" BEGIN
  INSERT OR IGNORE INTO "EnterpriseSearchToken" ("token", "enterpriseId")
    SELECT substr(lower(NEW."name"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."name"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name") - 1)), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."uscc"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."uscc"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."uscc"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."uscc") - 1)), '00', '0,'), ',') || ']') AS p;
END;

CREATE TRIGGER "Enterprise_search_tokens_update" AFTER UPDATE OF "name", "uscc" ON "Enterprise" WHEN OLD."name" IS NOT NEW."name" OR OLD."uscc" IS NOT NEW."uscc" BEGIN
  DELETE FROM "EnterpriseSearchToken" WHERE "enterpriseId" = OLD."id";
  INSERT OR IGNORE INTO "EnterpriseSearchToken" ("token", "enterpriseId")
    SELECT substr(lower(NEW."name"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."name"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name") - 1)), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."uscc"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."uscc"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."uscc"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."uscc") - 1)), '00', '0,'), ',') || ']') AS p;
END;

-- back-fill the rows written before this migration
INSERT OR IGNORE INTO "EnterpriseSearchToken" ("token", "enterpriseId")
    SELECT substr(lower(r."name"), p.key + 1, 1), r."id" FROM "Enterprise" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(r."name"), p.key + 1, 2), r."id" FROM "Enterprise" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."name") - 1)), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(r."uscc"), p.key + 1, 1), r."id" FROM "Enterprise" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."uscc"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(r."uscc"), p.key + 1, 2), r."id" FROM "Enterprise" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."uscc") - 1)), '00', '0,'), ',') || ']') AS p;

CREATE TRIGGER "Person_search_tokens_insert" AFTER INSERT ON "Person" BEGIN
  INSERT OR IGNORE INTO "PersonSearchToken" ("token", "personId")
    SELECT substr(lower(NEW."name"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."name"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name") - 1)), '00', '0,'), ',') || ']') AS p;
END;

CREATE TRIGGER "Person_search_tokens_update" AFTER UPDATE OF "name" ON "Person" WHEN OLD."name" IS NOT NEW."name" BEGIN
  DELETE FROM "PersonSearchToken" WHERE "personId" = OLD."id";
  INSERT OR IGNORE INTO "PersonSearchToken" ("token", "personId")
    SELECT substr(lower(NEW."name"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."name"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name") - 1)), '00', '0,'), ',') || ']') AS p;
END;

-- back-fill the rows written before this migration
INSERT OR IGNORE INTO "PersonSearchToken" ("token", "personId")
    SELECT substr(lower(r."name"), p.key + 1, 1), r."id" FROM "Person" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(r."name"), p.key + 1, 2), r."id" FROM "Person" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."name") - 1)), '00', '0,'), ',') || ']') AS p;

CREATE TRIGGER "Project_search_tokens_insert" AFTER INSERT ON "Project" BEGIN
  INSERT OR IGNORE INTO "ProjectSearchToken" ("token", "projectId")
    SELECT substr(lower(NEW."name"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."name"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name") - 1)), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."projectCode"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."projectCode"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."projectCode"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."projectCode") - 1)), '00', '0,'), ',') || ']') AS p;
END;

CREATE TRIGGER "Project_search_tokens_update" AFTER UPDATE OF "name", "projectCode" ON "Project" WHEN OLD."name" IS NOT NEW."name" OR OLD."projectCode" IS NOT NEW."projectCode" BEGIN
  DELETE FROM "ProjectSearchToken" WHERE "projectId" = OLD."id";
  INSERT OR IGNORE INTO "ProjectSearchToken" ("token", "projectId")
    SELECT substr(lower(NEW."name"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."name"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."name") - 1)), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."projectCode"), p.key + 1, 1), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."projectCode"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(NEW."projectCode"), p.key + 1, 2), NEW."id" FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW."projectCode") - 1)), '00', '0,'), ',') || ']') AS p;
END;

-- back-fill the rows written before this migration
INSERT OR IGNORE INTO "ProjectSearchToken" ("token", "projectId")
    SELECT substr(lower(r."name"), p.key + 1, 1), r."id" FROM "Project" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."name"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(r."name"), p.key + 1, 2), r."id" FROM "Project" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."name") - 1)), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(r."projectCode"), p.key + 1, 1), r."id" FROM "Project" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."projectCode"))), '00', '0,'), ',') || ']') AS p
    UNION SELECT substr(lower(r."projectCode"), p.key + 1, 2), r."id" FROM "Project" AS r, json_each('[' || rtrim(replace(hex(zeroblob(length(r."projectCode") - 1)), '00', '0,'), ',') || ']') AS p;
