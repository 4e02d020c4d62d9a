import { describe, expect, it } from "vitest";
import { isWithin, navGroups } from "./nav-groups";

const OWNER = { showSettings: true, showInvitations: true, showReviews: true, showDashboard: true, showAudit: true };
const HIRE = { showSettings: false, showInvitations: false, showReviews: false, showDashboard: false, showAudit: false };
const labels = (groups: ReturnType<typeof navGroups>) => groups.map((group) => [group.label, group.tabs.map((tab) => tab.label)]);

describe("navGroups", () => {
  it("gives an owner every tab in two groups, Work and Manage", () => {
    expect(labels(navGroups({ slug: "acme", pathname: "/o/acme/setup", ...OWNER }))).toEqual([
      ["Work", ["My work", "Reviews", "Mentees", "Notifications", "Activity"]],
      ["Manage", ["Setup", "Dashboard", "Assignments", "Tracks", "Members", "Invitations", "Audit log", "Settings"]],
    ]);
  });

  it("gives a hire their work and the organization's records to read", () => {
    expect(labels(navGroups({ slug: "acme", pathname: "/o/acme/me", ...HIRE }))).toEqual([
      ["Work", ["My work", "Notifications", "Activity"]],
      ["Organization", ["Assignments", "Tracks", "Members"]],
    ]);
  });

  it("marks the one tab of the current page, pages under it included, and carries the badges' counts", () => {
    const groups = navGroups({ slug: "acme", pathname: "/o/acme/members/x", ...OWNER, counts: { waiting: 3, unread: 2 } });
    const tabs = groups.flatMap((group) => group.tabs);
    expect(tabs.filter((tab) => tab.current).map((tab) => tab.label)).toEqual(["Members"]);
    expect(tabs.find((tab) => tab.label === "Reviews")).toMatchObject({ count: 3, countLabel: "waiting" });
    expect(tabs.find((tab) => tab.label === "Notifications")).toMatchObject({ count: 2, countLabel: "unread" });
  });

  it("shows Setup's progress until it is complete, then nothing", () => {
    const setupTab = (setup: { doneCount: number; total: number; complete: boolean }) =>
      navGroups({ slug: "acme", pathname: "/o/acme/me", ...OWNER, counts: { setup } })
        .flatMap((group) => group.tabs)
        .find((tab) => tab.label === "Setup");
    expect(setupTab({ doneCount: 2, total: 5, complete: false })?.progress).toEqual({ done: 2, total: 5 });
    expect(setupTab({ doneCount: 5, total: 5, complete: true })?.progress).toBeUndefined();
    // A hire has no Setup tab, whatever the counts say.
    expect(navGroups({ slug: "acme", pathname: "/o/acme/me", ...HIRE, counts: { setup: { doneCount: 0, total: 5, complete: false } } }).flatMap((group) => group.tabs).map((tab) => tab.label)).not.toContain("Setup");
  });

  it("does not let /me claim /members", () => {
    expect(isWithin("/o/acme/members", "/o/acme/me")).toBe(false);
    expect(isWithin("/o/acme/me/x", "/o/acme/me")).toBe(true);
  });
});
