-- Decision 0020 (same-organization foreign keys), step 1 of 7: the key children reference,
-- built CONCURRENTLY so writes to the table go on while it builds. CONCURRENTLY cannot run in
-- a transaction block, and each migration runs as one (lib/db/catalog-types-glue.ts), so it is
-- this migration's only statement. If it fails, PostgreSQL leaves an INVALID index behind:
-- DROP INDEX "Track_organizationId_id_key", then `prisma migrate resolve --rolled-back <this
-- migration>` and deploy again.
CREATE UNIQUE INDEX CONCURRENTLY "Track_organizationId_id_key" ON "Track"("organizationId", "id");
