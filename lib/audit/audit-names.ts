/**
 * The names an audit batch's sentences need, in three statements whatever the
 * batch: the people (actors, and the people payloads and subjects name), the
 * tracks, and the assignments (their hire and track). People are looked up by id
 * among every user, not only members: the log outlives memberships (a removed
 * member's events still name them). Tracks and assignments are read within the
 * organization only.
 */
import { getDb } from "@/lib/db/client";
import type { AuditNames, DescribableEvent, Person } from "./describe-event";

const PERSON_KEYS = ["userId", "assigneeId", "submittedById"] as const;

function peopleOf(event: DescribableEvent): string[] {
  const ids: unknown[] = [event.actorId, ...PERSON_KEYS.map((key) => event.payload[key])];
  if (event.subjectType === "user") ids.push(event.subjectId);
  if (Array.isArray(event.payload.removed)) ids.push(...event.payload.removed);
  return ids.filter((id): id is string => typeof id === "string" && id.length > 0 && id.length <= 64);
}

export async function loadAuditNames(organizationId: string, events: readonly DescribableEvent[]): Promise<AuditNames> {
  const db = getDb();
  const trackIds = new Set(events.filter((event) => event.subjectType === "track").map((event) => event.subjectId));
  const assignmentIds = [...new Set(events.filter((event) => event.subjectType === "assignment").map((event) => event.subjectId))];
  const [assignments, tracks] = await Promise.all([
    assignmentIds.length
      ? db.assignment.findMany({ where: { organizationId, id: { in: assignmentIds } }, select: { id: true, assigneeId: true, track: { select: { title: true } } } })
      : [],
    trackIds.size ? db.track.findMany({ where: { organizationId, id: { in: [...trackIds] } }, select: { id: true, title: true } }) : [],
  ]);
  const peopleIds = new Set([...events.flatMap(peopleOf), ...assignments.map((assignment) => assignment.assigneeId)]);
  const people = peopleIds.size ? await db.user.findMany({ where: { id: { in: [...peopleIds] } }, select: { id: true, name: true, email: true } }) : [];
  return {
    people: new Map<string, Person>(people.map((person) => [person.id, { name: person.name, email: person.email }])),
    tracks: new Map(tracks.map((track) => [track.id, track.title])),
    assignments: new Map(assignments.map((assignment) => [assignment.id, { assigneeId: assignment.assigneeId, trackTitle: assignment.track.title }])),
  };
}
