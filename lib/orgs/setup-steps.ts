/**
 * The owner's setup checklist (decision 0039), as pure data: which of the five steps of a
 * first run are done, which one is next, and where each is done. The facts come from the
 * organization's rows (setup-progress.ts); this file only decides what they mean, so the
 * page, the home redirect and the tests agree.
 */
import type { Role } from "@/lib/generated/prisma/enums";

/** What the organization's rows say, read by `readSetupFacts` (every query scoped to the organization). */
export interface SetupFacts {
  /** A track that is not archived, or null when there is none. */
  anyTrackId: string | null;
  /** The newest track whose newest version is a draft (the one to publish), or null. */
  draftTrackId: string | null;
  /** The newest track with a published version (the one to assign), or null. */
  publishedTrackId: string | null;
  /** An invitation was ever sent, or someone besides the owner who signed up is a member. */
  invitedSomeone: boolean;
  assigned: boolean;
  /** A hire has marked an item (in progress, done or not applicable) of an assignment. */
  progressShown: boolean;
}

export type SetupStepId = "track" | "publish" | "invite" | "assign" | "dashboard";

export interface SetupStep {
  id: SetupStepId;
  title: string;
  /** One line on what the step does and when it counts as done. */
  hint: string;
  /** Where the step is done. */
  href: string;
  /** The link's words ("Open the track library"). */
  action: string;
  done: boolean;
  /** The first step not done yet: the page shows it as the next one. */
  current: boolean;
}

export interface SetupChecklist {
  steps: SetupStep[];
  doneCount: number;
  total: number;
  complete: boolean;
}

export function setupChecklist(slug: string, facts: SetupFacts): SetupChecklist {
  const base = `/o/${slug}`;
  const assignHref = facts.publishedTrackId ? `${base}/assignments/new?track=${facts.publishedTrackId}` : `${base}/assignments/new`;
  const publishTrack = facts.draftTrackId ?? facts.anyTrackId;
  const steps: Array<Omit<SetupStep, "current">> = [
    {
      id: "track",
      title: "Start a track",
      hint: "Begin from the Python Backend Roadmap in the library, or import your own outline or Markdown.",
      href: `${base}/tracks`,
      action: "Choose or import a track",
      done: facts.anyTrackId !== null,
    },
    {
      id: "publish",
      title: "Publish a version",
      hint: "Review the draft, edit it if you like, then publish it: only published versions can be assigned.",
      href: publishTrack ? `${base}/tracks/${publishTrack}` : `${base}/tracks`,
      action: publishTrack ? "Open the track to publish" : "Open Tracks",
      done: facts.publishedTrackId !== null,
    },
    {
      id: "invite",
      title: "Invite people",
      hint: "Invite your new hires and their mentors by email; they appear in Members once they join.",
      href: `${base}/invitations?invite=1`,
      action: "Invite people",
      done: facts.invitedSomeone,
    },
    {
      id: "assign",
      title: "Assign a track",
      hint: "Give the published track to a hire, with a mentor and a due date.",
      href: assignHref,
      action: "Assign a track",
      done: facts.assigned,
    },
    {
      id: "dashboard",
      title: "Watch the dashboard",
      hint: "Each hire's progress shows there live; this step is done when a hire marks their first item.",
      href: `${base}/dashboard`,
      action: "Open the dashboard",
      done: facts.progressShown,
    },
  ];
  const currentIndex = steps.findIndex((step) => !step.done);
  const doneCount = steps.filter((step) => step.done).length;
  return {
    steps: steps.map((step, index) => ({ ...step, current: index === currentIndex })),
    doneCount,
    total: steps.length,
    complete: currentIndex === -1,
  };
}

/**
 * Where /o/{slug} sends a member: hires to their work, mentors to their mentees, owners and
 * admins to the setup checklist until it is complete and to the dashboard after.
 */
export function homePath(slug: string, role: Role, setupComplete: boolean): string {
  const base = `/o/${slug}`;
  if (role === "MEMBER") return `${base}/me`;
  if (role === "MENTOR") return `${base}/mentees`;
  return setupComplete ? `${base}/dashboard` : `${base}/setup`;
}
