/**
 * Every job Cairn runs. The queue creates a pg-boss queue (and its dead-letter
 * queue) and a worker for each job listed here; enqueueing a job that is not
 * listed fails, because its queue does not exist. Add each new job here.
 */
import { signInLinkEmailJob } from "@/lib/accounts/email-sign-in-email";
import { emailVerificationEmailJob } from "@/lib/accounts/email-verification-email";
import { passwordResetEmailJob } from "@/lib/accounts/password-reset-email";
import { signUpEmailJob } from "@/lib/accounts/sign-up-email";
import { invitationEmailJob } from "@/lib/invitations/invitation-email";
import { pruneEndedSessionsJob } from "@/lib/maintenance/prune-ended-sessions";
import { pruneIdempotencyKeysJob } from "@/lib/maintenance/prune-idempotency-keys";
import { evidenceArrivedEmailJob, reviewDigestJob, reviewDoneEmailJob } from "@/lib/notifications/evidence-email-jobs";
import { evidenceCheckJob } from "@/lib/evidence/github/evidence-check-job";
import { webhookDisabledEmailJob } from "@/lib/webhooks/disabled-email";
import { webhookDeliverJob, webhookFanOutJob, webhookSweepJob } from "@/lib/webhooks/jobs";
import { deleteOrganizationFilesJob } from "@/lib/orgs/delete-organization-files-job";
import { pruneDeliveriesJob } from "@/lib/webhooks/prune-deliveries";
import { reminderEmailJob } from "@/lib/reminders/reminder-email-job";
import { reminderScanJob } from "@/lib/reminders/scan-job";
import { weeklySummaryEmailJob, weeklySummaryScanJob } from "@/lib/reminders/weekly-summary";
import type { AnyJob } from "./define-job";

export const ALL_JOBS: readonly AnyJob[] = [
  passwordResetEmailJob,
  invitationEmailJob,
  emailVerificationEmailJob,
  signInLinkEmailJob,
  signUpEmailJob,
  pruneIdempotencyKeysJob,
  pruneEndedSessionsJob,
  evidenceArrivedEmailJob,
  reviewDoneEmailJob,
  reviewDigestJob,
  evidenceCheckJob,
  webhookFanOutJob,
  webhookDeliverJob,
  webhookSweepJob,
  webhookDisabledEmailJob,
  pruneDeliveriesJob,
  reminderEmailJob,
  reminderScanJob,
  weeklySummaryScanJob,
  weeklySummaryEmailJob,
  deleteOrganizationFilesJob,
] as AnyJob[];
