/**
 * The events an outgoing webhook can subscribe to: every type of the event log
 * but the audit-only ones (sign-ins, exports: lib/audit/event-catalog.ts), which
 * never leave the audit page. Slack posts a chosen few, as sentences.
 */
import { AUDIT_EVENT_TYPES, AUDIT_TYPE_NAMES, isAuditOnlyType } from "@/lib/audit/event-catalog";

export const WEBHOOK_EVENT_TYPES = AUDIT_TYPE_NAMES.filter((type) => !isAuditOnlyType(type));

/**
 * What Slack can post (issue 16's list). A hire stuck and an assignment overdue are events the
 * hourly scan records once per occasion (lib/reminders/occasion-events.ts, decision 0035).
 */
export const SLACK_EVENT_TYPES = ["evidence.submitted", "evidence.reviewed", "assignment.stuck", "assignment.overdue", "assignment.completed"] as const;

export const TEST_EVENT_TYPE = "webhook.test";

export function eventTypeLabel(type: string): string {
  return (AUDIT_EVENT_TYPES as Record<string, { label: string }>)[type]?.label ?? type;
}
