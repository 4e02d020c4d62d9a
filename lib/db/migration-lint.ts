/**
 * Lints migrations with squawk (unsafe locks, drops and renames without
 * expand → contract), with the rules in .squawk.toml. `npm run db:lint`, part
 * of `npm test`. See docs/decisions/0027-release-and-rollback.md.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * Already-applied history: every migration that existed when the lint was
 * introduced. They have run on every database, and Prisma refuses a migration
 * whose file changed after it ran, so they can be neither fixed nor re-run.
 * What squawk says about them is listed rule by rule in decision 0027. Never
 * add a migration written after the lint to this list: fix it instead, or
 * silence one statement with a `-- squawk-ignore <rule>` comment that says why.
 */
export const APPLIED_HISTORY: ReadonlySet<string> = new Set([
  "20261126123653_init",
  "20261126130013_rate_limits",
  "20261126130547_password_resets_and_email_messages",
  "20261126133811_invitations",
  "20261126140148_tracks",
  "20261126150654_assignments",
  "20261126180737_evidence",
  "20261126181554_comments_notifications",
  "20261126182400_evidence_files",
  "20261126184500_event_notify",
  "20261126191403_stuck_after_days",
  "20261126232632_dashboard_snapshots",
  "20261206172424_session_revocation_and_mentor_history",
  "20261206172521_invitation_sends_and_blocks",
  "20261206173000_same_org_track_key",
  "20261206173001_same_org_track_version_key",
  "20261206173002_same_org_track_version_track_key",
  "20261206173003_same_org_evidence_attempt_key",
  "20261206173004_notification_assignment_index",
  "20261206173005_same_org_foreign_keys",
  "20261206173006_validate_same_org_foreign_keys",
  "20261206173547_stored_markdown_html",
  "20261206190000_same_org_invitation_key",
  "20261206190001_same_org_invitation_send_key",
]);

/**
 * What `npm run db:new-migration` puts at the top of every migration: a lock
 * the migration cannot get within 5 s fails it (retry later) instead of
 * queueing every request behind it, and no statement holds its locks past a
 * minute. Raise them in the file for a migration that needs longer, knowingly.
 */
export const MIGRATION_TIMEOUTS = "SET lock_timeout = '5s';\nSET statement_timeout = '60s';\n\n";

export interface MigrationLintResult {
  /** The migration files squawk read (history left out). */
  linted: string[];
  ok: boolean;
  /** squawk's report, one `file:line:col: warning: rule message` per finding. */
  report: string;
}

/** The migration.sql files under `migrationsDir` that are not applied history, oldest first. */
export function migrationsToLint(migrationsDir: string): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !APPLIED_HISTORY.has(entry.name))
    .map((entry) => path.join(migrationsDir, entry.name, "migration.sql"))
    .filter((file) => existsSync(file))
    .sort();
}

export async function lintMigrations(options: { migrationsDir: string; configFile: string }): Promise<MigrationLintResult> {
  const linted = migrationsToLint(options.migrationsDir);
  // squawk fails on an empty file list; no new migration is nothing to lint.
  if (linted.length === 0) return { linted, ok: true, report: "" };
  const squawk = require.resolve("squawk-cli/js/bin/squawk");
  const args = [squawk, "--config", options.configFile, "--reporter", "gcc", ...linted];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let report = "";
    child.stdout.on("data", (chunk: Buffer) => (report += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (report += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ linted, ok: code === 0, report: report.trim() }));
  });
}
