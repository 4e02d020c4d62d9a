import { describe, expect, it } from "vitest";
import { GET as feedRoute } from "@/app/api/v1/calendar-feeds/[token]/route";
import { DELETE as turnOffRoute, GET as statusRoute, POST as resetRoute } from "@/app/api/v1/me/calendar-feed/route";
import { hashFeedToken } from "@/lib/calendar/feed-token";
import { getDb } from "@/lib/db/client";
import { createAssignments, updateItem } from "../assignments/assignments-fixture";
import { callRoute } from "../support/call-route";
import { addMember } from "../support/factories";
import { createTrack, getVersion, organizationWith, publishVersion } from "../tracks/tracks-fixture";
import { useJobQueue } from "../support/use-job-queue";

// Assigning a track enqueues the "assigned" emails (lib/reminders).
useJobQueue();

// Dues relative to a start of 2027-03-01 (a Monday): day 2 = 03-02, week 1 = 03-07, day 3 = 03-03.
const TEXT = ["=====", "Setup (due week 1)", "=====", "- Laptop (due day 2)", "- Accounts, keys; access (due day 3)", "- Reading", "", "=====", "Later", "=====", "- Deploy", ""].join("\n");

const makeLink = (cookie: string) => callRoute(resetRoute, { path: "/api/v1/me/calendar-feed", cookie });
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const readFeed = (token: string) => callRoute(feedRoute, { path: `/api/v1/calendar-feeds/${token}`, params: { token } });

/** VEVENTs as { SUMMARY, DTSTART } after unfolding. */
function eventsOf(text: string) {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("BEGIN:VEVENT")
    .slice(1)
    .map((block) => Object.fromEntries(block.split("\r\n").filter((line) => line.includes(":")).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)])));
}

async function hireWithDues() {
  const { organization, members } = await organizationWith("OWNER", "MEMBER", "MEMBER");
  const [owner, hire, other] = members as [(typeof members)[number], (typeof members)[number], (typeof members)[number]];
  const created = await createTrack(organization.slug, owner.cookie, { text: TEXT });
  const trackId = created.json!.id as string;
  expect((await publishVersion(organization.slug, owner.cookie, trackId, 1)).status).toBe(200);
  const nodes = (await getVersion(organization.slug, owner.cookie, trackId, 1)).json!.nodes as Array<{ title: string; stableKey: string }>;
  const key = (title: string) => nodes.find((node) => node.title === title)!.stableKey;
  const assign = async (userId: string) => {
    const answer = await createAssignments(organization.slug, owner.cookie, { trackId, assigneeIds: [userId], mentorIds: [owner.userId], startDate: "2027-03-01", dueDate: "2027-03-31" });
    expect(answer.status).toBe(201);
    return answer.json!.items[0].id as string;
  };
  return { organization, owner, hire, other, trackId, key, assign };
}

describe("calendar feed", () => {
  it("is made once per link, lists the person's due dates as iCalendar, and drops what is done", async () => {
    const world = await hireWithDues();
    const assignmentId = await world.assign(world.hire.userId);
    await world.assign(world.other.userId);

    expect((await callRoute(statusRoute, { path: "/api/v1/me/calendar-feed", cookie: world.hire.cookie })).json).toEqual({ enabled: false, createdAt: null });
    const made = await makeLink(world.hire.cookie);
    expect(made.status).toBe(201);
    const token = tokenOf(made.json!.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash is stored.
    expect(await getDb().calendarFeed.findUniqueOrThrow({ where: { userId: world.hire.userId } })).toMatchObject({ tokenHash: hashFeedToken(token) });
    expect(JSON.stringify(await getDb().calendarFeed.findMany())).not.toContain(token);
    expect((await callRoute(statusRoute, { path: "/api/v1/me/calendar-feed", cookie: world.hire.cookie })).json).toMatchObject({ enabled: true });

    const feed = await readFeed(token);
    expect(feed.status).toBe(200);
    expect(feed.response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(feed.response.headers.get("cache-control")).toContain("no-store");
    expect(feed.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const events = eventsOf(feed.text);
    expect(events.map((event) => [event.SUMMARY, event["DTSTART;VALUE=DATE"]]).sort()).toEqual(
      [
        ["Accounts\\, keys\\; access", "20270303"],
        ["Laptop", "20270302"],
        ["Setup", "20270307"],
        [expect.stringContaining(" due"), "20270331"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // Another hire's assignment of the same track is not in it: exactly one track due date.
    expect(events.filter((event) => String(event.UID).startsWith("assignment-"))).toHaveLength(1);
    expect(events.find((event) => event.SUMMARY === "Laptop")!.URL).toContain(`/assignments/${assignmentId}?item=${world.key("Laptop")}`);

    expect((await updateItem(world.organization.slug, world.hire.cookie, assignmentId, world.key("Laptop"), { state: "DONE" })).status).toBe(200);
    const after = eventsOf((await readFeed(token)).text).map((event) => event.SUMMARY);
    expect(after).not.toContain("Laptop");
    expect(after).toContain("Setup");
  });

  it("stops working when reset or turned off, and answers 404 for a token that never was or a malformed one", async () => {
    const world = await hireWithDues();
    await world.assign(world.hire.userId);
    const first = tokenOf((await makeLink(world.hire.cookie)).json!.url);
    const second = tokenOf((await makeLink(world.hire.cookie)).json!.url);
    expect(second).not.toBe(first);
    const stale = await readFeed(first);
    expect(stale.status).toBe(404);
    expect(stale.json!.error.code).toBe("NOT_FOUND");
    expect((await readFeed(second)).status).toBe(200);

    expect((await callRoute(turnOffRoute, { path: "/api/v1/me/calendar-feed", cookie: world.hire.cookie })).json).toEqual({ enabled: false });
    expect((await readFeed(second)).status).toBe(404);
    expect((await readFeed("A".repeat(43))).status).toBe(404);
    // A path that does not fit names nothing (the gate's rule).
    expect((await readFeed("short")).status).toBe(404);
    expect((await readFeed(`${"A".repeat(42)}%`)).status).toBe(404);
  });

  it("leaves out organizations where the person is suspended or no longer a member", async () => {
    const world = await hireWithDues();
    await world.assign(world.hire.userId);
    const elsewhere = await hireWithDues();
    await addMember(elsewhere.organization.id, world.hire.userId, "MEMBER");
    await elsewhere.assign(world.hire.userId);
    const token = tokenOf((await makeLink(world.hire.cookie)).json!.url);
    const trackDues = async () => eventsOf((await readFeed(token)).text).filter((event) => String(event.UID).startsWith("assignment-")).length;
    expect(await trackDues()).toBe(2);

    await getDb().membership.updateMany({ where: { organizationId: elsewhere.organization.id, userId: world.hire.userId }, data: { status: "SUSPENDED" } });
    expect(await trackDues()).toBe(1);
    await getDb().membership.deleteMany({ where: { organizationId: world.organization.id, userId: world.hire.userId } });
    expect(await trackDues()).toBe(0);
    expect((await readFeed(token)).status).toBe(200);
  });

  it("needs a session to make, read the state of, or turn off a link", async () => {
    for (const route of [resetRoute, statusRoute, turnOffRoute]) expect((await callRoute(route, { path: "/api/v1/me/calendar-feed" })).status).toBe(401);
  });
});
