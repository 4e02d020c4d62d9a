import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { prismaRunner, queryRows, sql, withTransaction } from "@/lib/db/sql";
import { createUser } from "../support/factories";

describe("plain SQL on the pool (lib/db/sql.ts)", () => {
  it("binds every value as a parameter, so quotes and SQL in a value are data", async () => {
    const statement = sql`SELECT ${"it's"}::text AS a, ${"'); DROP TABLE \"User\"; --"}::text AS b`;
    expect(statement.text).toBe("SELECT $1::text AS a, $2::text AS b");
    const [row] = await queryRows<{ a: string; b: string }>(statement);
    expect(row).toEqual({ a: "it's", b: "'); DROP TABLE \"User\"; --" });
  });

  it("embeds a statement in another with its parameters renumbered, and binds anything else that looks like one", async () => {
    const inner = sql`SELECT ${"b"}::text AS b, ${"c"}::text AS c`;
    const outer = sql`WITH x AS (${inner}) SELECT ${"a"}::text AS a, x.b, x.c, ${"d"}::text AS d FROM x`;
    expect(outer.text).toBe("WITH x AS (SELECT $1::text AS b, $2::text AS c) SELECT $3::text AS a, x.b, x.c, $4::text AS d FROM x");
    expect(outer.values).toEqual(["b", "c", "a", "d"]);
    expect(await queryRows(outer)).toEqual([{ a: "a", b: "b", c: "c", d: "d" }]);
    // A plain object shaped like a statement is data, not SQL.
    const forged = sql`SELECT ${{ text: "1; DROP TABLE \"User\"", values: [] }}::text AS v`;
    expect(forged.text).toBe("SELECT $1::text AS v");
  });

  it("reads Prisma's UTC timestamps as the same instants Prisma reads, on the pool and in a Prisma transaction", async () => {
    const user = await createUser();
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { createdAt: true } });
    const statement = sql`SELECT "createdAt" FROM "User" WHERE id = ${user.id}`;
    // On a server whose zone is not UTC, pg's own parser would shift the instant by the offset.
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    const [viaPool] = await queryRows<{ createdAt: Date }>(statement).finally(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    const [viaPrisma] = await getDb().$transaction((tx) => prismaRunner(tx).rows<{ createdAt: Date }>(statement));
    expect(viaPool!.createdAt.toISOString()).toBe(stored.createdAt.toISOString());
    expect(viaPrisma!.createdAt.toISOString()).toBe(stored.createdAt.toISOString());
  });

  it("commits what the function did when it returns, and rolls all of it back when it throws", async () => {
    const user = await createUser();
    const rename = (name: string) => sql`UPDATE "User" SET name = ${name} WHERE id = ${user.id}`;
    await withTransaction((runner) => runner.rows(rename("Committed")));
    await expect(
      withTransaction(async (runner) => {
        await runner.rows(rename("Rolled back"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Committed");
  });
});
