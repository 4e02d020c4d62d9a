/**
 * The manager's dashboard: every active assignment of the organization with its
 * progress, due day, forecast and flags, the review times, and the sections
 * the heatmap shows. A constant number of statements however many hires
 * (docs/decisions/0012-dashboard-counters.md), two of them side by side: the
 * assignments with their stored counts, oldest item in progress, unanswered
 * changes and mentors; and the review times with the organization's threshold.
 * Then only what is missing: version trees the process has not read yet, and
 * the count of assignments never counted (two statements for all of them).
 */
import { dayOf } from "@/lib/assignments/assignment-summary";
import { CURRENT_MENTOR_LINKS } from "@/lib/assignments/mentoring";
import { progressTrees } from "@/lib/progress/version-trees";
import { getPool } from "@/lib/db/client";
import { pgRunner, sql } from "@/lib/db/sql";
import type { OrgContext } from "@/lib/http/handle";
import type { ProgressNode } from "@/lib/progress/progress-math";
import { assignmentFlags } from "./flags";
import { forecastFinish } from "./forecast";
import { heatmapRows } from "./heatmap";
import type { ManagerDashboard, ManagerDashboardQuery, ManagerExportQuery, ManagerRow } from "./manager-schema";
import { sortRows } from "./manager-sort";
import { readSnapshot, recountSnapshots, topSections } from "@/lib/progress/progress-snapshot";
import type { ProgressSnapshot } from "@/lib/progress/progress-snapshot";

/** The snapshot's estimated minutes as the forecast takes them. */
function minutesOf(snapshot: ProgressSnapshot) {
  const [done, remaining, unestimated] = snapshot.minutes;
  return { done, remaining, unestimated };
}

interface Person {
  id: string;
  name: string | null;
  email: string;
}

interface AssignmentRow {
  id: string;
  trackId: string;
  trackTitle: string;
  versionId: string;
  versionNumber: number;
  skippedKeys: string[];
  startDate: string;
  dueDate: string | null;
  snapshot: unknown;
  lastActivityAt: Date | null;
  assigneeId: string;
  assigneeName: string | null;
  assigneeEmail: string;
  mentorIds: string[];
  inProgressSince: Date | null;
  unanswered: number;
}

type FilterChoices = ManagerDashboard["filters"];

interface ReviewRow {
  stuckAfterDays: number;
  firstReviewSeconds: number | null;
  firstReviews: number;
  waitingSeconds: number | null;
  waiting: number;
}

const nameOf = (person: Person) => person.name?.trim() || person.email;
// One collator for every comparison: String#localeCompare builds one per call, which a thousand-row sort feels.
const collator = new Intl.Collator("en");
const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 10) / 10);

/** A page of the dashboard: everything is worked out over all chosen assignments; only the table is paged. */
export async function managerDashboard(ctx: OrgContext, query: ManagerDashboardQuery, now = new Date()): Promise<ManagerDashboard> {
  const { rows, ...dashboard } = await managerRows(ctx, query, now);
  const start = (query.page - 1) * query.pageSize;
  return { ...dashboard, page: { number: query.page, size: query.pageSize, total: rows.length }, assignments: rows.slice(start, start + query.pageSize) };
}

/** Every chosen assignment in the order asked for, with the summary, review times, sections and cohort heatmap. */
export async function managerRows(ctx: Pick<OrgContext, "organization">, query: ManagerExportQuery, now = new Date()): Promise<Omit<ManagerDashboard, "page" | "assignments"> & { rows: ManagerRow[] }> {
  const organizationId = ctx.organization.id;
  const runner = pgRunner(getPool());
  // The chosen assignments, as a condition on "Assignment" a: the same in each statement below.
  const chosenOnly = sql`a."organizationId" = ${organizationId} AND a.status = 'ACTIVE'
    AND (${query.track ?? null}::text IS NULL OR a."trackId" = ${query.track ?? null})
    AND (${query.cohort ?? null}::text IS NULL OR to_char(a."startDate", 'YYYY-MM') = ${query.cohort ?? null})
    AND (${query.mentor ?? null}::text IS NULL OR EXISTS (SELECT 1 FROM ${CURRENT_MENTOR_LINKS} f WHERE f."assignmentId" = a.id AND f."mentorId" = ${query.mentor ?? null}))`;
  // Three statements side by side, each on its own pooled connection.
  const [chosen, [reviews], [choices]] = await Promise.all([
    runner.rows<AssignmentRow>(sql`
      WITH in_progress AS (
        -- Few rows: the partial index holds only items in progress.
        SELECT "assignmentId" AS id, min("updatedAt") AS since FROM "ItemProgress"
        WHERE "organizationId" = ${organizationId} AND state = 'IN_PROGRESS' AND "archivedAt" IS NULL
        GROUP BY 1
      ), newest AS (
        -- The newest attempt of each item says where its evidence stands.
        SELECT DISTINCT ON ("assignmentId", "stableKey") "assignmentId" AS id, status FROM "EvidenceAttempt"
        WHERE "organizationId" = ${organizationId}
        ORDER BY "assignmentId", "stableKey", number DESC
      ), unanswered AS (
        SELECT id, count(*)::int AS count FROM newest WHERE status = 'CHANGES_REQUESTED' GROUP BY id
      )
      SELECT a.id, a."trackId", t.title AS "trackTitle", a."versionId", v.number AS "versionNumber", a."skippedKeys",
             to_char(a."startDate", 'YYYY-MM-DD') AS "startDate", to_char(a."dueDate", 'YYYY-MM-DD') AS "dueDate",
             a."progressSnapshot" AS snapshot, a."lastActivityAt",
             u.id AS "assigneeId", u.name AS "assigneeName", u.email AS "assigneeEmail",
             -- Ids only (as JSON, which parses faster than an array): the people are in the filter choices.
             to_json(ARRAY(SELECT am."mentorId" FROM ${CURRENT_MENTOR_LINKS} am WHERE am."assignmentId" = a.id)) AS "mentorIds",
             ip.since AS "inProgressSince", coalesce(un.count, 0) AS unanswered
      FROM "Assignment" a
      JOIN "Track" t ON t.id = a."trackId"
      JOIN "TrackVersion" v ON v.id = a."versionId"
      JOIN "User" u ON u.id = a."assigneeId"
      LEFT JOIN in_progress ip ON ip.id = a.id
      LEFT JOIN unanswered un ON un.id = a.id
      WHERE ${chosenOnly}`, "dashboard.assignments"),
    runner.rows<ReviewRow>(sql`
      SELECT (SELECT "stuckAfterDays" FROM "Organization" WHERE id = ${organizationId}) AS "stuckAfterDays",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e."reviewedAt" - e."submittedAt")::float8)
               FILTER (WHERE e.number = 1 AND e."reviewedAt" IS NOT NULL) AS "firstReviewSeconds",
             (count(*) FILTER (WHERE e.number = 1 AND e."reviewedAt" IS NOT NULL))::int AS "firstReviews",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${now.toISOString().slice(0, 23)}::timestamp - e."submittedAt")::float8)
               FILTER (WHERE e.status = 'SUBMITTED') AS "waitingSeconds",
             (count(*) FILTER (WHERE e.status = 'SUBMITTED'))::int AS waiting
      FROM "EvidenceAttempt" e JOIN "Assignment" a ON a.id = e."assignmentId"
      WHERE e."organizationId" = ${organizationId} AND ${chosenOnly}`, "dashboard.reviews"),
    // What the filters offer: every active assignment's tracks, mentors and start months.
    runner.rows<FilterChoices>(sql`
      SELECT
        (SELECT coalesce(json_agg(json_build_object('id', t.id, 'title', t.title) ORDER BY t.title), '[]'::json) FROM "Track" t
          WHERE t."organizationId" = ${organizationId} AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."trackId" = t.id AND a.status = 'ACTIVE')) AS tracks,
        (SELECT coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'email', m.email) ORDER BY coalesce(m.name, m.email)), '[]'::json) FROM "User" m
          WHERE m.id IN (SELECT am."mentorId" FROM "Assignment" a JOIN ${CURRENT_MENTOR_LINKS} am ON am."assignmentId" = a.id WHERE a."organizationId" = ${organizationId} AND a.status = 'ACTIVE')) AS mentors,
        (SELECT coalesce(array_agg(cohort ORDER BY cohort DESC), '{}') FROM (SELECT DISTINCT to_char("startDate", 'YYYY-MM') AS cohort FROM "Assignment"
          WHERE "organizationId" = ${organizationId} AND status = 'ACTIVE') cohorts) AS cohorts`, "dashboard.filters"),
  ]);
  const stale = chosen.filter((row) => readSnapshot(row.snapshot, row.versionId) === null);
  const [trees, recounted] = await Promise.all([progressTrees(runner, organizationId, chosen.map((row) => row.versionId)), recountSnapshots(runner, organizationId, stale)]);

  // The choices are sorted by name: a row's mentors keep that order.
  const mentorRank = new Map(choices!.mentors.map((mentor, index) => [mentor.id, index]));
  const mentorsOf = (ids: readonly string[]) =>
    ids
      .filter((id) => mentorRank.has(id))
      .sort((a, b) => mentorRank.get(a)! - mentorRank.get(b)!)
      .map((id) => choices!.mentors[mentorRank.get(id)!]!);
  const today = dayOf(now);
  const tracks = trackSections(chosen, trees);
  // For each version in use, where each of its track's columns is among the version's own sections (-1: not there).
  const sectionsOf = new Map(tracks.map((track) => [track.id, track.sections]));
  const columnIndexes = new Map<string, number[]>();
  const columnsOf = (row: AssignmentRow) => {
    let indexes = columnIndexes.get(row.versionId);
    if (!indexes) {
      const own = topSections(trees.get(row.versionId) ?? []).map((node) => node.key);
      indexes = (sectionsOf.get(row.trackId) ?? []).map((section) => own.indexOf(section.key));
      columnIndexes.set(row.versionId, indexes);
    }
    return indexes;
  };
  const assignments = chosen.map((row): ManagerRow => {
    const snapshot: ProgressSnapshot = readSnapshot(row.snapshot, row.versionId) ?? recounted.get(row.id)!;
    return {
      id: row.id,
      track: { id: row.trackId, title: row.trackTitle },
      assignee: { id: row.assigneeId, name: row.assigneeName, email: row.assigneeEmail },
      mentors: mentorsOf(row.mentorIds),
      cohort: row.startDate.slice(0, 7),
      startDate: row.startDate,
      dueDate: row.dueDate,
      progress: snapshot.track,
      sectionPercents: alignedPercents(snapshot, columnsOf(row)),
      lastActivityAt: row.lastActivityAt,
      forecast: forecastFinish({ startDate: row.startDate, today, dueDate: row.dueDate, done: snapshot.track.done, total: snapshot.track.total, minutes: minutesOf(snapshot) }),
      flags: assignmentFlags({
        now,
        stuckAfterDays: reviews!.stuckAfterDays,
        status: "ACTIVE",
        dueDate: row.dueDate,
        startDate: new Date(`${row.startDate}T00:00:00Z`),
        lastActivityAt: row.lastActivityAt,
        inProgressSince: row.inProgressSince ? [row.inProgressSince] : [],
        unansweredChanges: row.unanswered,
      }),
    };
  });

  return {
    today,
    stuckAfterDays: reviews!.stuckAfterDays,
    filters: choices!,
    summary: {
      assignments: assignments.length,
      overdue: assignments.filter((row) => row.flags.overdue).length,
      stuck: assignments.filter((row) => row.flags.stuck).length,
      unanswered: assignments.filter((row) => row.flags.unanswered).length,
      averagePercent: assignments.length === 0 ? null : Math.round(assignments.reduce((sum, row) => sum + row.progress.percent, 0) / assignments.length),
    },
    reviews: {
      firstReviewMedianHours: hours(reviews!.firstReviewSeconds),
      firstReviews: reviews!.firstReviews,
      waitingMedianHours: hours(reviews!.waitingSeconds),
      waiting: reviews!.waiting,
    },
    tracks,
    heatmap: tracks.map((track) => {
      const ofTrack = assignments.filter((row) => row.track.id === track.id);
      return { trackId: track.id, cohorts: heatmapRows(track.sections, ofTrack.map((row) => ({ id: row.id, hire: nameOf(row.assignee), cohort: row.cohort, percents: row.sectionPercents })), "cohort") };
    }),
    rows: sortRows(assignments, query.sort, query.order),
  };
}

/** Each of the track's sections' percent for this assignment: null where nothing counts there, or its version lacks the section. */
function alignedPercents(snapshot: ProgressSnapshot, columns: readonly number[]): Array<number | null> {
  return columns.map((index) => {
    const section = index === -1 ? undefined : snapshot.sections[index];
    return section && section[1] > 0 ? section[2] : null;
  });
}

/**
 * Each chosen track's top-level sections, the heatmap's columns. Hires on
 * different versions share a column when the section's stable key is the same;
 * the newest version's order wins, and a section only an older one has comes after.
 */
function trackSections(rows: readonly AssignmentRow[], trees: ReadonlyMap<string, readonly ProgressNode[]>) {
  // The versions in use (a handful), newest first: a thousand hires on one version read its tree once.
  const versions = new Map<string, AssignmentRow>();
  for (const row of rows) if (!versions.has(row.versionId)) versions.set(row.versionId, row);
  const byTrack = new Map<string, { id: string; title: string; sections: Map<string, { key: string; title: string }> }>();
  for (const row of [...versions.values()].sort((a, b) => b.versionNumber - a.versionNumber)) {
    const track = byTrack.get(row.trackId) ?? { id: row.trackId, title: row.trackTitle, sections: new Map() };
    byTrack.set(row.trackId, track);
    for (const node of topSections(trees.get(row.versionId) ?? [])) {
      if (!track.sections.has(node.key)) track.sections.set(node.key, { key: node.key, title: node.title });
    }
  }
  return [...byTrack.values()].sort((a, b) => collator.compare(a.title, b.title)).map((track) => ({ id: track.id, title: track.title, sections: [...track.sections.values()] }));
}
