/**
 * What a live event changes on screen: the cached queries it makes stale are read
 * again (react-query refetches only those in use). An assignment's key covers its
 * detail, evidence, threads and history; the hire's own tab skips refetching an
 * assignment while its own writes to it are in flight (their answers are newer).
 * Progress events are applied to a cached assignment in place when they describe
 * the change completely (patch-progress.ts); only the moved items' history is read again.
 */
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { assignmentsKey } from "@/components/assignments/assignments-api";
import { pickersKey } from "@/components/assignments/use-pickers";
import { assignmentKey, itemHistoryKey, myAssignmentsKey, progressWritesKey } from "@/components/assignments/roadmap/assignment-api";
import type { AssignmentDetailJson } from "@/components/assignments/roadmap/types";
import { activityKey, mentorDashboardKey } from "@/components/dashboards/dashboards-api";
import { managerDashboardKey } from "@/components/dashboards/manager-api";
import { reviewCountKey, reviewQueueKey } from "@/components/evidence/evidence-api";
import { setupProgressKey, setupStillOpen } from "@/components/home/use-setup-progress";
import { membersKey } from "@/components/members/use-members";
import { notificationsKey } from "@/components/notifications/notifications-api";
import { tracksKey } from "@/components/tracks/tracks-api";
import type { LiveEvent } from "./live-stream";
import { patchProgress } from "./patch-progress";

/**
 * Marks the queries under `queryKey` stale and reads the ones in use again, but never
 * throws away a read already under way: react-query's default cancels it and starts
 * over, so under a steady stream of events (a batch every 100 ms) a read slower than
 * that never finished, the screen stood still until the stream stopped, and the server
 * still answered every abandoned read. A query that was being read when the events came
 * is read once more after that read ends, so what it shows is never older than them.
 */
function refresh(queryClient: QueryClient, queryKey: QueryKey): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey })) {
    const exact = { queryKey: query.queryKey, exact: true };
    const reading = query.state.fetchStatus !== "idle";
    const settled = queryClient.invalidateQueries(exact, { cancelRefetch: false });
    if (reading) void settled.then(() => queryClient.invalidateQueries(exact, { cancelRefetch: false }));
  }
}

/**
 * One assignment's events applied to its cached detail, when they can be (true). Not while
 * the detail is being read: that answer may or may not hold the events, so it is read again.
 */
function patchAssignment(queryClient: QueryClient, slug: string, assignmentId: string, events: readonly LiveEvent[]): boolean {
  const key = assignmentKey(slug, assignmentId);
  const state = queryClient.getQueryState<AssignmentDetailJson>(key);
  if (!state?.data || state.fetchStatus !== "idle" || state.isInvalidated) return false;
  const patched = patchProgress(state.data, events);
  if (!patched) return false;
  queryClient.setQueryData<AssignmentDetailJson>(key, patched.detail);
  for (const item of patched.keys) refresh(queryClient, itemHistoryKey(slug, assignmentId, item));
  return true;
}

export function applyLiveEvents(queryClient: QueryClient, slug: string, events: readonly LiveEvent[]): void {
  const assignments = new Map<string, LiveEvent[]>();
  let reviews = false;
  let notifications = false;
  let tracks = false;
  let members = false;
  for (const event of events) {
    if (event.subjectType === "assignment") {
      const list = assignments.get(event.subjectId);
      if (list) list.push(event);
      else assignments.set(event.subjectId, [event]);
    }
    if (event.type.startsWith("track.")) tracks = true;
    if (event.type.startsWith("member.") || event.type.startsWith("invitation.")) members = true;
    if (event.type.startsWith("evidence.")) reviews = true;
    // Reminders and nudges (lib/reminders) arrive with these events; the hourly scan writes its stuck and
    // overdue reminders just before its assignment.stuck/overdue events (not for everyone: quiet hours). The bell also polls.
    if (event.type.startsWith("evidence.") || event.type === "comment.created" || event.type === "assignment.nudged" || event.type === "assignment.created" || event.type === "assignment.stuck" || event.type === "assignment.overdue") notifications = true;
  }
  for (const [assignmentId, itsEvents] of assignments) {
    if (queryClient.isMutating({ mutationKey: progressWritesKey(slug, assignmentId) }) > 0) continue;
    if (!patchAssignment(queryClient, slug, assignmentId, itsEvents)) refresh(queryClient, assignmentKey(slug, assignmentId));
  }
  if (assignments.size > 0) {
    refresh(queryClient, assignmentsKey(slug));
    refresh(queryClient, myAssignmentsKey(slug));
    refresh(queryClient, mentorDashboardKey(slug));
    refresh(queryClient, managerDashboardKey(slug));
    refresh(queryClient, activityKey(slug));
  }
  if (reviews) {
    refresh(queryClient, reviewQueueKey(slug));
    refresh(queryClient, reviewCountKey(slug));
  }
  if (notifications) refresh(queryClient, notificationsKey(slug));
  // Lists only: an open track editor keeps its own draft (a refetch under its queued edits
  // would apply them twice; someone else's edit reaches it as a 412 with their version).
  if (tracks) {
    refresh(queryClient, tracksKey(slug));
    // The assign form's tracks and versions: a version published elsewhere is offered at once.
    refresh(queryClient, pickersKey(slug));
  }
  if (members) refresh(queryClient, membersKey(slug));
  // The Setup tab's "2/5": each of these can complete a step.
  if ((assignments.size > 0 || tracks || members) && setupStillOpen(queryClient, slug)) refresh(queryClient, setupProgressKey(slug));
}
