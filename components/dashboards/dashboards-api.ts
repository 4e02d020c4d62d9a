/** The dashboards' data as the browser reads it, and the keys live events refresh (components/realtime/apply-events.ts). */
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";

export interface MenteeJson {
  assignment: {
    id: string;
    status: "ACTIVE" | "COMPLETED" | "ARCHIVED";
    track: { id: string; title: string };
    assignee: { id: string; name: string | null; email: string };
    startDate: string;
    dueDate: string | null;
    progress: { total: number; done: number; inProgress: number; notApplicable: number; skipped: number; percent: number };
  };
  sections: Array<{ key: string; title: string; percent: number; done: number; total: number }>;
  lastActivityAt: string | null;
  inProgress: Array<{ key: string; title: string; since: string }>;
  pendingReviews: Array<{ attemptId: string; key: string; title: string; number: number; submittedAt: string }>;
  flags: { stuck: boolean; stuckReason: string | null; overdue: boolean; unanswered: boolean };
}

export interface ActivityJson {
  items: Array<{
    /** The line's oldest event (stable while live events extend the line); lastSequence its newest. */
    sequence: number;
    lastSequence: number;
    /** How many events the line stands for (a person's rapid changes merge). */
    events: number;
    /** The item to open, null for the assignment's own events. */
    itemKey: string | null;
    type: string;
    at: string;
    assignmentId: string;
    actor: { id: string; name: string | null; email: string } | null;
    hire: { id: string; name: string | null; email: string } | null;
    text: string;
  }>;
  /** The `before` of the next (older) page; null at the end. */
  nextBefore: number | null;
}
export type ActivityEntryJson = ActivityJson["items"][number];

export interface ActivityDaysJson {
  userId: string;
  from: string;
  to: string;
  days: Array<{ day: string; count: number }>;
}

export const mentorDashboardKey = (slug: string) => ["mentor-dashboard", slug] as const;
export const activityKey = (slug: string) => ["activity", slug] as const;
// Under activityKey, so the live events that refresh the dashboard's feed refresh these too.
export const activityFeedKey = (slug: string) => [...activityKey(slug), "feed"] as const;
export const activityDaysKey = (slug: string, userId: string) => [...activityKey(slug), "days", userId] as const;

export const fetchMentorDashboard = (slug: string): Promise<{ stuckAfterDays: number; mentees: MenteeJson[] }> => callEndpoint(api.getMentorDashboard, { params: { orgSlug: slug } });
export const fetchActivity = (slug: string): Promise<ActivityJson> => callEndpoint(api.listActivity, { params: { orgSlug: slug }, query: { limit: 30 } });
export const fetchActivityPage = (slug: string, before: number | undefined): Promise<ActivityJson> =>
  callEndpoint(api.listActivity, { params: { orgSlug: slug }, query: { limit: 30, before } });
export const fetchActivityDays = (slug: string, userId: string): Promise<ActivityDaysJson> =>
  callEndpoint(api.getPersonActivityDays, { params: { orgSlug: slug, userId } });
