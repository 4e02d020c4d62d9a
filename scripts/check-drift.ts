/**
 * Fails when prisma/schema.prisma and prisma/migrations disagree, printing the
 * SQL a new migration would need. Part of `npm test`.
 */
import { diffMigrationsToSchema } from "../lib/db/prisma-cli";
import { withDatabase } from "./with-database";

const sql = await withDatabase(diffMigrationsToSchema);
if (sql) {
  console.error("Drift: prisma/schema.prisma differs from prisma/migrations. A new migration needs:\n");
  console.error(sql);
  console.error("Write it with: npm run db:new-migration -- <name>");
  process.exit(1);
}
console.log("No drift: prisma/schema.prisma matches prisma/migrations.");
