import { describe, expect, it } from "vitest";
import { createTrack, getLibraryList, getTrack, listTracks, organizationWith } from "./tracks-fixture";

const small = (name: string) => `# ${name}\n\n=====\nBasics\n=====\n- One\n  - Two\n`;

describe("GET /api/v1/o/{orgSlug}/tracks", () => {
  it("pages through the organization's tracks newest first with their latest version's counts", async () => {
    const { organization, members } = await organizationWith("OWNER", "MENTOR");
    const ids: string[] = [];
    for (const name of ["A", "B", "C"]) ids.push((await createTrack(organization.slug, members[0]!.cookie, { text: small(name) })).json!.id);
    const other = await organizationWith("OWNER");
    await createTrack(other.organization.slug, other.members[0]!.cookie, { text: small("Elsewhere") });

    const first = await listTracks(organization.slug, members[1]!.cookie, "limit=2");
    expect(first.status).toBe(200);
    expect(first.json!.items.map((track: { title: string }) => track.title)).toEqual(["C", "B"]);
    expect(first.json!.items[0]).toMatchObject({ id: ids[2], archivedAt: null, latestVersion: { number: 1, status: "DRAFT", counts: { sections: 1, topics: 1, items: 1 } } });
    expect(first.json!.nextCursor).toEqual(expect.any(String));
    const second = await listTracks(organization.slug, members[1]!.cookie, `limit=2&cursor=${first.json!.nextCursor}`);
    expect(second.json!.items.map((track: { id: string }) => track.id)).toEqual([ids[0]]);
    expect(second.json!.nextCursor).toBeNull();

    const bad = await listTracks(organization.slug, members[1]!.cookie, "cursor=nonsense");
    expect(bad.status).toBe(422);
    expect(bad.json!.error.details.issues[0].path).toBe("query.cursor");
  });
});

describe("GET /api/v1/o/{orgSlug}/tracks/{trackId}", () => {
  it("gives the track with its versions and their counts", async () => {
    const { organization, members } = await organizationWith("OWNER", "MEMBER");
    const created = await createTrack(organization.slug, members[0]!.cookie, { title: "Onboarding", text: small("X") });
    const { status, json } = await getTrack(organization.slug, members[1]!.cookie, created.json!.id);
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: created.json!.id, title: "Onboarding", latestVersion: { number: 1 } });
    expect(json!.versions).toEqual([{ id: created.json!.latestVersion.id, number: 1, status: "DRAFT", publishedAt: null, createdAt: expect.any(String), counts: { sections: 1, topics: 1, items: 1 } }]);
  });
});

describe("GET /api/v1/o/{orgSlug}/track-library", () => {
  it("lists the five built-in tracks with their counts, for every role", async () => {
    const { organization, members } = await organizationWith("MEMBER");
    const { status, json } = await getLibraryList(organization.slug, members[0]!.cookie);
    expect(status).toBe(200);
    expect(json!.items).toEqual([
      { id: "python-backend-roadmap", title: "Python Backend Roadmap", description: expect.any(String), counts: { sections: 15, topics: 299, items: 404, optional: 3 } },
      { id: "first-week", title: "First week at a software company", description: expect.any(String), counts: { sections: 8, topics: 24, items: 80, optional: 3 } },
      { id: "frontend-foundations", title: "Frontend foundations", description: expect.any(String), counts: { sections: 7, topics: 29, items: 93, optional: 5 } },
      { id: "on-call-readiness", title: "On-call readiness", description: expect.any(String), counts: { sections: 7, topics: 22, items: 63, optional: 2 } },
      { id: "security-basics", title: "Security basics", description: expect.any(String), counts: { sections: 6, topics: 24, items: 63, optional: 3 } },
    ]);
  });
});
