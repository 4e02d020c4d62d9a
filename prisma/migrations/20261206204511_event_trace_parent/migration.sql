SET lock_timeout = '5s';
SET statement_timeout = '60s';

-- Where each event was written from, for traces (docs/decisions/0023-traces.md). Nullable with no
-- default: PostgreSQL changes only the catalog, no table rewrite.
-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "traceParent" TEXT;

