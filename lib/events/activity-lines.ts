/**
 * The activity feed's lines from its events (pure; runs in tests without a database).
 * A person's rapid changes merge into one line (decision 0043): two neighbouring
 * events of the feed, newest first, belong to one line when both are the same
 * person's progress changes on the same assignment, on the same item or in the same
 * section, at most RAPID_MS apart ("Noah completed 3 items in FastAPI basics"). The
 * rule looks only at neighbours, so where a line starts does not depend on where a
 * page starts or on events that arrive later above it: a new event either continues
 * the top line or starts a new one. A saved note or links (no state change) is its
 * own kind of line, merged only with more saves on the same item.
 */

export const ACTIVITY_TYPES = ["progress.updated", "evidence.submitted", "evidence.reviewed", "comment.created", "assignment.created", "assignment.completed", "assignment.upgraded", "assignment.nudged", "assignment.overdue", "assignment.stuck"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Changes further apart than this are separate lines even when nothing else happened between. */
export const RAPID_MS = 10 * 60_000;

export interface ActivityEvent {
  sequence: number;
  type: ActivityType;
  at: Date;
  actorId: string | null;
  assignmentId: string;
  payload: Record<string, unknown>;
}

/** The item's title and the section it sits in (its parent: a section, or an item grouping others), as the assignment's version has them. */
export interface ItemPlace {
  title: string;
  section: { key: string; title: string } | null;
}
export type PlaceOf = (assignmentId: string, key: string) => ItemPlace | null;

const keyOf = (event: ActivityEvent) => (typeof event.payload.key === "string" ? event.payload.key : null);
/** A progress event that changed the item's state (a saved note or links keeps it: from = to). */
const changesState = (event: ActivityEvent) => event.type === "progress.updated" && event.payload.from !== event.payload.to;
const savesOnly = (event: ActivityEvent) => event.type === "progress.updated" && event.payload.from === event.payload.to;

/** Whether `older`, the feed's next event below `newer`, belongs to the same line. */
export function continues(newer: ActivityEvent, older: ActivityEvent, placeOf: PlaceOf): boolean {
  if (newer.actorId === null || newer.actorId !== older.actorId || newer.assignmentId !== older.assignmentId) return false;
  if (newer.at.getTime() - older.at.getTime() > RAPID_MS) return false;
  const newerKey = keyOf(newer);
  const olderKey = keyOf(older);
  if (newerKey === null || olderKey === null) return false;
  if (savesOnly(newer) && savesOnly(older)) return newerKey === olderKey;
  if (!changesState(newer) || !changesState(older)) return false;
  if (newerKey === olderKey) return true;
  const section = placeOf(newer.assignmentId, newerKey)?.section?.key;
  return section !== undefined && section === placeOf(older.assignmentId, olderKey)?.section?.key;
}

/**
 * Folds events (newest first) into lines, appending to `lines`: the last line stays open
 * for the next events (the caller reads the log in batches). Returns the lines.
 */
export function foldIntoLines(lines: ActivityEvent[][], events: readonly ActivityEvent[], placeOf: PlaceOf): ActivityEvent[][] {
  for (const event of events) {
    const open = lines.at(-1);
    if (open && continues(open.at(-1)!, event, placeOf)) open.push(event);
    else lines.push([event]);
  }
  return lines;
}

const STATE_WORDS: Record<string, string> = { DONE: "done", IN_PROGRESS: "in progress", NOT_STARTED: "not started", NOT_APPLICABLE: "not applicable" };
const stateWord = (state: unknown) => STATE_WORDS[String(state)] ?? String(state).toLowerCase();
const plural = (count: unknown, word: string) => (typeof count === "number" ? `${count} ${word}${count === 1 ? "" : "s"}` : `some ${word}s`);

/** What a note-or-links save changed, in words. */
function savedWhat(payload: Record<string, unknown>): string {
  if (payload.noteChanged === true && payload.linksChanged === true) return "saved a note and links on";
  if (payload.linksChanged === true) return "updated the links on";
  return "saved a note on";
}

/** One event in a sentence. */
export function eventSentence(type: ActivityType, actor: string, item: string | null, payload: Record<string, unknown>): string {
  const what = item ? `“${item}”` : "an item";
  switch (type) {
    case "progress.updated":
      // A saved note keeps the state: saying "marked in progress" would report a change that did not happen.
      if (payload.from === payload.to) return `${actor} ${savedWhat(payload)} ${what}.`;
      return `${actor} marked ${what} ${stateWord(payload.to)}.`;
    case "evidence.submitted":
      return `${actor} submitted evidence for ${what}.`;
    case "evidence.reviewed":
      return payload.decision === "APPROVE" ? `${actor} approved the evidence for ${what}.` : `${actor} asked for changes to the evidence for ${what}.`;
    case "comment.created":
      return `${actor} commented on ${what}.`;
    case "assignment.created":
      return `${actor} assigned the track.`;
    case "assignment.completed":
      return `The track was completed.`;
    case "assignment.upgraded":
      return `${actor} moved the assignment to a newer version of its track.`;
    case "assignment.nudged":
      return `${actor} sent the hire a nudge.`;
    // The hourly scan's (no actor): once when overdue and weekly after, once per stretch of being stuck.
    case "assignment.overdue":
      return `The track is overdue: ${plural(payload.daysLate, "day")} past its due day.`;
    case "assignment.stuck":
      return payload.inProgress === true ? `Stuck: an item has been in progress for ${plural(payload.stuckDays, "day")}.` : `Stuck: no progress for ${plural(payload.stuckDays, "day")}.`;
  }
}

/**
 * One line (events newest first) in a sentence: a single event as itself; changes on one
 * item by its latest state; changes across a section by each item's latest state
 * ("completed 3 items in Basics", or "updated 3 items in Basics: 2 done, 1 in progress").
 */
export function lineSentence(line: readonly ActivityEvent[], actor: string, placeOf: PlaceOf): string {
  const newest = line[0]!;
  const titleOf = (event: ActivityEvent) => {
    const key = keyOf(event);
    return key === null ? null : (placeOf(event.assignmentId, key)?.title ?? null);
  };
  const latest = new Map<string, unknown>();
  for (const event of line) if (!latest.has(keyOf(event)!)) latest.set(keyOf(event)!, event.payload.to);
  if (line.length === 1 || latest.size === 1 || !changesState(newest)) return eventSentence(newest.type, actor, titleOf(newest), newest.payload);
  const section = placeOf(newest.assignmentId, keyOf(newest)!)?.section?.title;
  const where = section ? ` in “${section}”` : "";
  const items = `${latest.size} items${where}`;
  const tally = new Map<string, number>();
  for (const state of latest.values()) tally.set(stateWord(state), (tally.get(stateWord(state)) ?? 0) + 1);
  if (tally.size === 1) {
    const [word] = tally.keys();
    return word === "done" ? `${actor} completed ${items}.` : `${actor} marked ${items} ${word}.`;
  }
  return `${actor} updated ${items}: ${[...tally].map(([word, count]) => `${count} ${word}`).join(", ")}.`;
}
