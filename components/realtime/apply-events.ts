/**
 * What a live event changes on screen: the cached queries it makes stale are read
 * again (react-query refetches only those in use). An assignment's key covers its
 * detail, evidence, threads and history; the hire's own tab skips refetching an
 * assignment while its own writes to it are in flight (their answers are newer).
 */
import type { QueryClient } from "@tanstack/react-query";
import { assignmentsKey } from "@/components/assignments/assignments-api";
import { assignmentKey, myAssignmentsKey, progressWritesKey } from "@/components/assignments/roadmap/assignment-api";
import { activityKey, mentorDashboardKey } from "@/components/dashboards/dashboards-api";
import { reviewCountKey, reviewQueueKey } from "@/components/evidence/evidence-api";
import { membersKey } from "@/components/members/use-members";
import { notificationsKey } from "@/components/notifications/notifications-api";
import { tracksKey } from "@/components/tracks/tracks-api";
import type { LiveEvent } from "./live-stream";

export function applyLiveEvents(queryClient: QueryClient, slug: string, events: readonly LiveEvent[]): void {
  const assignments = new Set<string>();
  let reviews = false;
  let notifications = false;
  let tracks = false;
  let members = false;
  for (const event of events) {
    if (event.subjectType === "assignment") assignments.add(event.subjectId);
    if (event.type.startsWith("track.")) tracks = true;
    if (event.type.startsWith("member.") || event.type.startsWith("invitation.")) members = true;
    if (event.type.startsWith("evidence.")) reviews = true;
    if (event.type.startsWith("evidence.") || event.type === "comment.created") notifications = true;
  }
  for (const assignmentId of assignments) {
    if (queryClient.isMutating({ mutationKey: progressWritesKey(slug, assignmentId) }) > 0) continue;
    void queryClient.invalidateQueries({ queryKey: assignmentKey(slug, assignmentId) });
  }
  if (assignments.size > 0) {
    void queryClient.invalidateQueries({ queryKey: assignmentsKey(slug) });
    void queryClient.invalidateQueries({ queryKey: myAssignmentsKey(slug) });
    void queryClient.invalidateQueries({ queryKey: mentorDashboardKey(slug) });
    void queryClient.invalidateQueries({ queryKey: activityKey(slug) });
  }
  if (reviews) {
    void queryClient.invalidateQueries({ queryKey: reviewQueueKey(slug) });
    void queryClient.invalidateQueries({ queryKey: reviewCountKey(slug) });
  }
  if (notifications) void queryClient.invalidateQueries({ queryKey: notificationsKey(slug) });
  // Lists only: an open track editor keeps its own draft (a refetch under its queued edits
  // would apply them twice; someone else's edit reaches it as a 412 with their version).
  if (tracks) void queryClient.invalidateQueries({ queryKey: tracksKey(slug) });
  if (members) void queryClient.invalidateQueries({ queryKey: membersKey(slug) });
}
