-- PostgreSQL only (docs/database.md, "Substring search"): the PostgreSQL migration of this name
-- adds array-of-grams columns and trigram indexes. SQLite keeps the token tables of search_index;
-- this file exists because both providers carry the same migration names.
SELECT 1;
