import { describe, expect, it } from "vitest";
import { SEED_TEXT, createTrack, exportVersion, getLibraryList, getTrack, getVersion, listTracks, organizationWith, previewImport, trackRowCounts } from "./tracks-fixture";

describe("who may use the tracks routes", () => {
  it.each(["MEMBER", "MENTOR"] as const)("refuses a %s an import or a preview (403), writing nothing", async (role) => {
    const { organization, members } = await organizationWith("OWNER", role);
    const cookie = members[1]!.cookie;
    expect((await createTrack(organization.slug, cookie, { library: "python-backend-roadmap" })).status).toBe(403);
    expect((await createTrack(organization.slug, cookie, { text: SEED_TEXT })).status).toBe(403);
    expect((await previewImport(organization.slug, cookie, { text: SEED_TEXT })).status).toBe(403);
    expect(await trackRowCounts(organization.id)).toEqual({ tracks: 0, versions: 0, nodes: 0, events: 0 });
  });

  it("answers 404 on every route for another organization's slug and another organization's track", async () => {
    const mine = await organizationWith("OWNER");
    const theirs = await organizationWith("OWNER");
    const cookie = mine.members[0]!.cookie;
    const theirTrack = (await createTrack(theirs.organization.slug, theirs.members[0]!.cookie, { library: "python-backend-roadmap" })).json!.id as string;
    const myTrack = (await createTrack(mine.organization.slug, cookie, { library: "python-backend-roadmap" })).json!.id as string;
    const other = theirs.organization.slug;
    const own = mine.organization.slug;

    const foreignSlug = [
      await previewImport(other, cookie, { text: SEED_TEXT }),
      await createTrack(other, cookie, { library: "python-backend-roadmap" }),
      await listTracks(other, cookie),
      await getTrack(other, cookie, theirTrack),
      await getVersion(other, cookie, theirTrack, 1),
      await exportVersion(other, cookie, theirTrack, 1, "text"),
      await getLibraryList(other, cookie),
    ];
    for (const { status, json } of foreignSlug) {
      expect(status).toBe(404);
      expect(json!.error.code).toBe("NOT_FOUND");
    }
    // Their track id under my own slug reads exactly like an id that never existed.
    const foreignTrack = [await getTrack(own, cookie, theirTrack), await getVersion(own, cookie, theirTrack, 1), await exportVersion(own, cookie, theirTrack, 1, "json"), await exportVersion(own, cookie, theirTrack, 1, "text")];
    for (const { status, json } of foreignTrack) {
      expect(status).toBe(404);
      expect(json!.error.message).toMatch(/^No such track/);
    }
    // My own track answers, so the 404s above are about the other organization.
    expect((await getTrack(own, cookie, myTrack)).status).toBe(200);
    expect((await getTrack(own, cookie, "not-a-cuid")).status).toBe(404);
    expect(await trackRowCounts(theirs.organization.id)).toMatchObject({ tracks: 1, nodes: 718 });
  });

  it("answers 401 without a session", async () => {
    const { organization } = await organizationWith("OWNER");
    expect((await listTracks(organization.slug, "")).status).toBe(401);
  });
});

describe("import size limits", () => {
  it("refuses a body over the limit with 413 before parsing, for the preview and the import", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const text = `${SEED_TEXT}${"- padding item\n".repeat(180_000)}`;
    for (const call of [previewImport, createTrack]) {
      const { status, json } = await call(organization.slug, members[0]!.cookie, { text });
      expect(status).toBe(413);
      expect(json!.error.code).toBe("PAYLOAD_TOO_LARGE");
    }
    expect(await trackRowCounts(organization.id)).toEqual({ tracks: 0, versions: 0, nodes: 0, events: 0 });
  });

  it("reports text over 1 MiB that fits in the body as a parse error", async () => {
    const { organization, members } = await organizationWith("OWNER");
    const text = `# Big\n\n${"x".repeat(1024 * 1024)}\n`;
    const { status, json } = await previewImport(organization.slug, members[0]!.cookie, { text });
    expect(status).toBe(200);
    expect(json!.ok).toBe(false);
    expect(json!.errors[0]).toMatchObject({ code: "file-too-large" });
  });
});
