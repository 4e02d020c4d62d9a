import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { DEMO_ORG, demoPeople, seedDemo } from "@/lib/db/seed-demo";
import { DEMO_EVIDENCE_ITEMS } from "@/lib/db/seed-demo-evidence";
import { getAssignment, listAssignments } from "../assignments/assignments-fixture";
import { reviewQueue } from "../evidence/evidence-fixture";
import { sessionCookieFor } from "../support/factories";

describe("the demo organization", () => {
  it("is seeded with the published roadmap and three hires at different, realistic progress, once", async () => {
    const db = getDb();
    expect(await seedDemo(db)).toEqual({ created: true });
    const organization = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG.slug } });
    const counts = async () => ({
      tracks: await db.track.count({ where: { organizationId: organization.id } }),
      assignments: await db.assignment.count({ where: { organizationId: organization.id } }),
      progress: await db.itemProgress.count({ where: { organizationId: organization.id } }),
      events: await db.event.count({ where: { organizationId: organization.id } }),
      evidence: await db.evidenceAttempt.count({ where: { organizationId: organization.id } }),
    });
    const first = await counts();
    // Every done item that requires evidence has an approved attempt (7 + 5 + 15), and four are open.
    expect(first).toMatchObject({ tracks: 1, assignments: 3, evidence: 31 });

    // Read as the mentor sees them, through the API: the same numbers the UI shows.
    const mentor = await db.user.findUniqueOrThrow({ where: { email: "mei.mentor@demo.cairn.test" } });
    const { json } = await listAssignments(DEMO_ORG.slug, await sessionCookieFor(mentor));
    const byEmail = Object.fromEntries(json!.items.map((item: { assignee: { email: string } }) => [item.assignee.email, item]));
    const noah = byEmail["noah.hire@demo.cairn.test"];
    const lena = byEmail["lena.hire@demo.cairn.test"];
    const sam = byEmail["sam.hire@demo.cairn.test"];
    expect([noah.progress.percent, lena.progress.percent, sam.progress.percent]).toEqual([34, 11, 69]);
    expect(lena).toMatchObject({ overdue: true, skippedKeys: [expect.any(String)] });
    expect(noah.overdue).toBe(false);
    expect(sam.progress.notApplicable).toBeGreaterThan(0);
    expect(sam.progress.skipped).toBeGreaterThan(0);

    // The mentor's queue: Noah's pull request (over a day) before Lena's note; Sam's attempt came back with changes requested.
    const queue = await reviewQueue(DEMO_ORG.slug, await sessionCookieFor(mentor));
    expect(queue.json!.items.map((entry: { assignment: { assignee: { email: string } } }) => entry.assignment.assignee.email)).toEqual(["noah.hire@demo.cairn.test", "lena.hire@demo.cairn.test"]);
    expect(queue.json!.items[0].attempt.link).toMatchObject({ kind: "github-pull", label: "acme/payments-api#128" });
    const sent = await db.evidenceAttempt.findMany({
      where: { organizationId: organization.id, status: "CHANGES_REQUESTED" },
      orderBy: { submittedAt: "asc" },
      select: { reviewComment: true, submittedBy: { select: { email: true } } },
    });
    expect(sent).toEqual([
      { reviewComment: expect.stringContaining("EXPLAIN"), submittedBy: { email: "noah.hire@demo.cairn.test" } },
      { reviewComment: expect.stringContaining("jitter"), submittedBy: { email: "sam.hire@demo.cairn.test" } },
    ]);

    // About twenty items require evidence, across the sections, and each hire's roadmap shows the loop in its states.
    const required = await db.trackNode.findMany({ where: { organizationId: organization.id, evidenceRequired: true }, select: { title: true, kind: true } });
    expect(required.map((node) => node.title).sort()).toEqual([...DEMO_EVIDENCE_ITEMS].sort());
    expect(required.every((node) => node.kind === "ITEM")).toBe(true);
    const statusesOf = async (email: string) => {
      const hire = await db.user.findUniqueOrThrow({ where: { email } });
      const detail = (await getAssignment(DEMO_ORG.slug, await sessionCookieFor(hire), byEmail[email].id)).json!;
      const states = new Map<string, string>(detail.progress.map((row: { stableKey: string; state: string }) => [row.stableKey, row.state]));
      const tally: Record<string, number> = {};
      for (const [key, status] of Object.entries(detail.evidence as Record<string, string>)) {
        tally[status] = (tally[status] ?? 0) + 1;
        // Approved is done; waiting and sent back are in progress.
        expect(states.get(key)).toBe(status === "APPROVED" ? "DONE" : "IN_PROGRESS");
      }
      // Every done item that requires evidence shows it approved.
      const requiredKeys = detail.nodes.filter((node: { evidenceRequired: boolean }) => node.evidenceRequired).map((node: { stableKey: string }) => node.stableKey);
      for (const key of requiredKeys) if (states.get(key) === "DONE") expect(detail.evidence[key]).toBe("APPROVED");
      return tally;
    };
    expect(await statusesOf("noah.hire@demo.cairn.test")).toEqual({ APPROVED: 7, SUBMITTED: 1, CHANGES_REQUESTED: 1 });
    expect(await statusesOf("lena.hire@demo.cairn.test")).toEqual({ APPROVED: 5, SUBMITTED: 1 });
    expect(await statusesOf("sam.hire@demo.cairn.test")).toEqual({ APPROVED: 15, CHANGES_REQUESTED: 1 });

    expect(await seedDemo(db)).toEqual({ created: false });
    expect(await counts()).toEqual(first);
  });

  it("can be copied under another slug and email domain (the browser tests' copies), leaving the original untouched", async () => {
    const db = getDb();
    await seedDemo(db);
    const original = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG.slug }, select: { id: true, eventSequence: true } });
    const copy = { slug: "demo-copy-1", name: DEMO_ORG.name, emailDomain: "copy-1.demo.cairn.test" };
    expect(await seedDemo(db, copy)).toEqual({ created: true });

    const organization = await db.organization.findUniqueOrThrow({ where: { slug: copy.slug }, select: { id: true, name: true } });
    expect(organization.name).toBe(DEMO_ORG.name);
    const members = await db.membership.findMany({ where: { organizationId: organization.id }, select: { role: true, user: { select: { email: true } } } });
    expect(members.map((member) => member.user.email).sort()).toEqual(demoPeople(copy).map((person) => person.email).sort());
    const mentor = await db.user.findUniqueOrThrow({ where: { email: "mei.mentor@copy-1.demo.cairn.test" } });
    const queue = await reviewQueue(copy.slug, await sessionCookieFor(mentor));
    expect(queue.json!.items.map((entry: { assignment: { assignee: { email: string } } }) => entry.assignment.assignee.email)).toEqual(["noah.hire@copy-1.demo.cairn.test", "lena.hire@copy-1.demo.cairn.test"]);

    expect(await db.organization.findUniqueOrThrow({ where: { id: original.id }, select: { id: true, eventSequence: true } })).toEqual(original);
  });
});
