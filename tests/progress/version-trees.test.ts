import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { progressTree } from "@/lib/progress/version-trees";
import { countQueries } from "../support/count-queries";
import { createTrack, organizationWith, publishVersion } from "../tracks/tracks-fixture";
import { prismaRunner } from "@/lib/db/sql";

const TEXT = "# T\n\n=====\nBasics\n=====\n- One\n  - Two\n- Three\n";

describe("version trees for progress", () => {
  it("reads a published version once per process, a draft every time, and another organization's version as empty", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const owner = members[0]!;
    const trackId = (await createTrack(organization.slug, owner.cookie, { text: TEXT })).json!.id as string;
    const version = await getDb().trackVersion.findFirstOrThrow({ where: { trackId } });

    const draftReads = await countQueries(async () => [await progressTree(prismaRunner(getDb()), organization.id, version.id), await progressTree(prismaRunner(getDb()), organization.id, version.id)]);
    expect(draftReads.statements.length).toBe(4);
    expect(draftReads.result[0]!.map((node) => [node.key.length > 0, node.kind, node.title])).toEqual([
      [true, "SECTION", "Basics"],
      [true, "ITEM", "One"],
      [true, "ITEM", "Two"],
      [true, "ITEM", "Three"],
    ]);

    await publishVersion(organization.slug, owner.cookie, trackId, 1);
    const first = await countQueries(() => progressTree(prismaRunner(getDb()), organization.id, version.id));
    const second = await countQueries(() => progressTree(prismaRunner(getDb()), organization.id, version.id));
    expect(first.statements.length).toBe(2);
    expect(second.statements).toEqual([]);
    expect(second.result).toEqual(first.result);

    const other = await organizationWith("OWNER");
    expect(await progressTree(prismaRunner(getDb()), other.organization.id, version.id)).toEqual([]);
  });
});
