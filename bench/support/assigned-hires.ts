/**
 * What the progress, live and mentor-dashboard benchmarks load: an organization with the seed
 * roadmap published and assigned to `count` hires (with one mentor), made through
 * the same services the API uses, and how to write one item of theirs: a request
 * per index that spreads writes over the hires and toggles each leaf DONE ⇄
 * NOT_STARTED in turn, so every request is a real, allowed change.
 */
import { ORIGIN } from "./bench-database";

export interface AssignedHires {
  slug: string;
  /** The mentor of every assignment, with a session cookie. */
  mentor: { userId: string; cookie: string };
  /** One assignment per hire, each with that hire's session cookie: only the assignee writes. */
  hires: Array<{ assignmentId: string; cookie: string }>;
  leafKeys: string[];
}

export async function assignedHires(count: number): Promise<AssignedHires> {
  const { organizationWith } = await import("../../tests/members/members-fixture");
  const { createTrack, publishVersion, getVersion } = await import("../../tests/tracks/tracks-fixture");
  const { createAssignments } = await import("../../tests/assignments/assignments-fixture");
  const { organization, members } = await organizationWith("OWNER", "MENTOR", ...Array.from({ length: count }, () => "MEMBER" as const));
  const [owner, mentor, ...hires] = members as [(typeof members)[number], (typeof members)[number], ...(typeof members)[number][]];
  const slug = organization.slug;
  const trackId = (await createTrack(slug, owner.cookie, { library: "python-backend-roadmap" })).json!.id as string;
  await publishVersion(slug, owner.cookie, trackId, 1);
  const assignmentOf = new Map<string, string>();
  // Assigning enqueues the "assigned" emails (lib/reminders): a queue without workers while it runs, unless the bench runs one.
  const { getJobQueueIfStarted } = await import("../../lib/jobs/job-queue");
  const { startTestJobQueue, stopTestJobQueue } = await import("../../tests/support/job-queue");
  const ownQueue = getJobQueueIfStarted() ? undefined : await startTestJobQueue({ workers: false });
  try {
    // A cohort is at most 200 people (lib/assignments/schema.ts).
    for (let start = 0; start < hires.length; start += 200) {
      const cohort = hires.slice(start, start + 200);
      const created = await createAssignments(slug, owner.cookie, { trackId, assigneeIds: cohort.map((hire) => hire.userId), mentorIds: [mentor.userId] });
      if (created.status !== 201) throw new Error(`assigning answered ${created.status}`);
      for (const item of created.json!.items as Array<{ id: string; assignee: { id: string } }>) assignmentOf.set(item.assignee.id, item.id);
    }
  } finally {
    if (ownQueue) await stopTestJobQueue(ownQueue);
  }
  const nodes = (await getVersion(slug, owner.cookie, trackId, 1)).json!.nodes as Array<{ id: string; parentId: string | null; kind: string; stableKey: string }>;
  const parents = new Set(nodes.map((node) => node.parentId));
  return {
    slug,
    mentor: { userId: mentor.userId, cookie: mentor.cookie },
    hires: hires.map((hire) => ({ assignmentId: assignmentOf.get(hire.userId)!, cookie: hire.cookie })),
    leafKeys: nodes.filter((node) => node.kind === "ITEM" && !parents.has(node.id)).map((node) => node.stableKey),
  };
}

/**
 * The index-th write: which assignment, which item, which state, and the request that sends it.
 * `origin` is the server's public origin (the gate refuses a write from another one).
 */
export function itemWrite(setup: AssignedHires, index: number, origin = ORIGIN) {
  const hire = setup.hires[index % setup.hires.length]!;
  const turn = Math.floor(index / setup.hires.length);
  const key = setup.leafKeys[turn % setup.leafKeys.length]!;
  const state = Math.floor(turn / setup.leafKeys.length) % 2 === 0 ? "DONE" : "NOT_STARTED";
  return {
    assignmentId: hire.assignmentId,
    key,
    state,
    path: `/api/v1/o/${setup.slug}/assignments/${hire.assignmentId}/items/${key}`,
    headers: { cookie: hire.cookie, origin, "content-type": "application/json", "x-cairn-client-ip": "10.0.0.1" },
    body: JSON.stringify({ state }),
  };
}
