/**
 * What the database holds, as one comparable value: for each application table its
 * row count and a hash of every row's text, the organizations' event counters among
 * them, and the jobs waiting in pg-boss. Two equal snapshots mean a request changed
 * nothing anyone could see (the authorization matrix's denied calls, the fuzz's bad
 * requests). Rate-limit counters are left out: counting a refused request is their job.
 */
import { getPool } from "@/lib/db/client";
import { ALL_JOBS } from "@/lib/jobs/all-jobs";

const TABLES = [
  "User",
  "Account",
  "Session",
  "EndedSession",
  "VerificationToken",
  "PasswordResetToken",
  "Organization",
  "Membership",
  "Invitation",
  "InvitationSend",
  "InvitationBlock",
  "Track",
  "TrackVersion",
  "TrackNode",
  "Event",
  "EmailMessage",
  "Assignment",
  "AssignmentMentor",
  "AssignmentMentorHistory",
  "ItemProgress",
  "EvidenceAttempt",
  "EvidenceFile",
  "ItemComment",
  "Notification",
  "IdempotencyKey",
  "WebhookEndpoint",
  "WebhookDelivery",
] as const;

// Scheduled jobs are enqueued by pg-boss's clock whenever their time comes, whatever the test does.
const SCHEDULED = ALL_JOBS.filter((job) => job.cron).map((job) => job.name);

export type StoredState = Record<string, string>;

/**
 * `ignoredEventTypes`: for a read that records itself (the audit export writes `audit.exported`),
 * events of those types and the organizations' event counters (with the updatedAt they touch) are left out; everything else,
 * every other event included, must still be as it was.
 */
export async function storedState({ ignoredEventTypes = [] }: { ignoredEventTypes?: readonly string[] } = {}): Promise<StoredState> {
  const ignoring = ignoredEventTypes.length > 0;
  const rowOf = (table: string) => (ignoring && table === "Organization" ? `(to_jsonb(r) - 'eventSequence' - 'updatedAt')::text` : "r::text");
  const where = (table: string) => (ignoring && table === "Event" ? ` WHERE NOT (r.type = ANY($1::text[]))` : "");
  const columns = TABLES.map(
    (table) => `(SELECT count(*)::text || ' ' || coalesce(md5(string_agg(${rowOf(table)}, '|' ORDER BY ${rowOf(table)})), '-') FROM "${table}" r${where(table)}) AS "${table}"`,
  );
  const { rows } = await getPool().query<StoredState>(`SELECT ${columns.join(", ")}`, ignoring ? [ignoredEventTypes] : []);
  const state = { ...rows[0]! };
  const { rows: queue } = await getPool().query<{ present: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`);
  if (queue[0]!.present) {
    const { rows: jobs } = await getPool().query<{ count: string }>(`SELECT count(*)::text AS count FROM pgboss.job WHERE NOT (name = ANY($1::text[]))`, [SCHEDULED]);
    state["pgboss.job"] = jobs[0]!.count;
  }
  return state;
}
