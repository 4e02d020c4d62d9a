import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { managerDashboard } from "@/lib/dashboards/manager-dashboard";
import { managerDashboardQuerySchema } from "@/lib/dashboards/manager-schema";
import type { OrgContext } from "@/lib/http/handle";
import { createAssignments, TRACK_TEXT, updateItem } from "../assignments/assignments-fixture";
import { updateNode } from "../tracks/edit-fixture";
import { createTrack, getVersion, organizationWith, publishVersion } from "../tracks/tracks-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues the "assigned" emails (lib/reminders).
useJobQueue();

// Decision 0030: the manager dashboard's forecast uses the estimated minutes when every item left has one.
const dashboardAt = (organization: { id: string; slug: string }, now: Date) => managerDashboard({ organization } as unknown as OrgContext, managerDashboardQuerySchema.parse({}), now);

async function estimatedAssignment(minutes: Record<string, number>) {
  const { organization, members } = await organizationWith("OWNER", "MEMBER");
  const [owner, hire] = members as [(typeof members)[number], (typeof members)[number]];
  const slug = organization.slug;
  const trackId = (await createTrack(slug, owner.cookie, { text: TRACK_TEXT })).json!.id as string;
  const nodes = (await getVersion(slug, owner.cookie, trackId, 1)).json!.nodes as Array<{ title: string; stableKey: string }>;
  const key = (title: string) => nodes.find((node) => node.title === title)!.stableKey;
  // Estimated on the draft, before anything reads the published tree.
  for (const [title, estimate] of Object.entries(minutes)) expect((await updateNode({ slug, trackId, number: 1 }, owner.cookie, key(title), { estimatedMinutes: estimate })).status).toBe(200);
  expect((await publishVersion(slug, owner.cookie, trackId, 1)).status).toBe(200);
  const assigned = await createAssignments(slug, owner.cookie, { trackId, assigneeIds: [hire.userId], mentorIds: [owner.userId] });
  const assignmentId = assigned.json!.items[0].id as string;
  expect((await updateItem(slug, hire.cookie, assignmentId, key("Types"), { state: "DONE" })).status).toBe(200);
  await getDb().assignment.update({ where: { id: assignmentId }, data: { startDate: new Date("2026-11-01T00:00:00Z"), dueDate: new Date("2026-12-31T00:00:00Z") } });
  const [row] = (await dashboardAt(organization, new Date("2026-11-20T12:00:00Z"))).assignments;
  return row!;
}

describe("the forecast with estimated minutes", () => {
  it("projects the minutes left at the minutes done per day when every item left is estimated", async () => {
    // 20 days, 200 estimated minutes done: 10 a day; 60 + 120 + 30 + 30 = 240 left → 24 days → Dec 14.
    // At the item pace (1 of 5 in 20 days) it would be Feb 8, after the due day.
    const row = await estimatedAssignment({ Types: 200, Scope: 60, Loops: 120, HTTP: 30, Routing: 30 });
    expect(row.progress).toMatchObject({ done: 1, total: 5 });
    expect(row.forecast).toEqual({ finishDate: "2026-12-14", perWeek: 0.4, onTrack: true, minutesPerDay: 10 });
  });

  it("keeps the item pace when an item left has no estimate", async () => {
    const row = await estimatedAssignment({ Types: 200, Scope: 60, Loops: 120, HTTP: 30 });
    expect(row.forecast).toEqual({ finishDate: "2027-02-08", perWeek: 0.4, onTrack: false });
  });
});
