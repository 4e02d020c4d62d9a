import { describe, expect, it } from "vitest";
import { homePath, setupChecklist } from "./setup-steps";
import type { SetupFacts } from "./setup-steps";

const EMPTY: SetupFacts = { anyTrackId: null, draftTrackId: null, publishedTrackId: null, invitedSomeone: false, assigned: false, progressShown: false };

describe("setupChecklist", () => {
  it("starts at 0 of 5 with the first step next and every step linking to where it is done", () => {
    const checklist = setupChecklist("acme", EMPTY);
    expect(checklist).toMatchObject({ doneCount: 0, total: 5, complete: false });
    expect(checklist.steps.map((step) => [step.id, step.href, step.current])).toEqual([
      ["track", "/o/acme/tracks", true],
      ["publish", "/o/acme/tracks", false],
      ["invite", "/o/acme/invitations?invite=1", false],
      ["assign", "/o/acme/assignments/new", false],
      ["dashboard", "/o/acme/dashboard", false],
    ]);
  });

  it("points the publish step at the track with a draft and the assign step at the published one", () => {
    const checklist = setupChecklist("acme", { ...EMPTY, anyTrackId: "t2", draftTrackId: "t1" });
    expect(checklist.steps[1]).toMatchObject({ id: "publish", href: "/o/acme/tracks/t1", current: true, done: false });
    const published = setupChecklist("acme", { ...EMPTY, anyTrackId: "t1", publishedTrackId: "t1" });
    expect(published.steps[3]!.href).toBe("/o/acme/assignments/new?track=t1");
  });

  it("marks the first step not done as next, even when a later one is done", () => {
    const checklist = setupChecklist("acme", { ...EMPTY, anyTrackId: "t1", publishedTrackId: "t1", assigned: true });
    expect(checklist.doneCount).toBe(3);
    expect(checklist.steps.filter((step) => step.current).map((step) => step.id)).toEqual(["invite"]);
  });

  it("is complete when every step is done, with no step next", () => {
    const checklist = setupChecklist("acme", { anyTrackId: "t1", draftTrackId: null, publishedTrackId: "t1", invitedSomeone: true, assigned: true, progressShown: true });
    expect(checklist).toMatchObject({ doneCount: 5, complete: true });
    expect(checklist.steps.some((step) => step.current)).toBe(false);
  });
});

describe("homePath", () => {
  it("sends hires to My work, mentors to Mentees, managers to setup until it is complete and then to the dashboard", () => {
    expect(homePath("acme", "MEMBER", false)).toBe("/o/acme/me");
    expect(homePath("acme", "MENTOR", true)).toBe("/o/acme/mentees");
    expect(homePath("acme", "OWNER", false)).toBe("/o/acme/setup");
    expect(homePath("acme", "ADMIN", false)).toBe("/o/acme/setup");
    expect(homePath("acme", "OWNER", true)).toBe("/o/acme/dashboard");
    expect(homePath("acme", "ADMIN", true)).toBe("/o/acme/dashboard");
  });
});
