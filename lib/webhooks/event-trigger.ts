/**
 * Starts a fan-out when an organization with outgoing integrations records
 * events: the event relay (lib/realtime/event-relay.ts) passes on the
 * organization of each committed event. Which organizations have an enabled
 * endpoint is kept for a few seconds (a burst of events costs no query each);
 * one missed meanwhile is picked up by the sweep (lib/webhooks/jobs.ts) within a
 * minute. The fan-out job is queued once per organization while one waits.
 */
import { getDb } from "@/lib/db/client";
import type { Logger } from "@/lib/observability/logger";
import { scheduleFanOut } from "./schedule";

const REFRESH_MS = 5_000;

// On globalThis: route handlers (another module graph under Next.js) clear what server.ts's relay reads.
const cache = globalThis as unknown as { __cairnWebhookOrgs?: { known: Set<string> | null; loadedAt: number; loading: Promise<Set<string>> | null } };
const state = (cache.__cairnWebhookOrgs ??= { known: null, loadedAt: 0, loading: null });

/** After an endpoint is created or enabled here: this instance notices at once. */
export function forgetWebhookOrganizations(): void {
  state.known = null;
}

export function createWebhookTrigger(log: Logger): (organizationId: string) => void {
  async function organizations(): Promise<Set<string>> {
    if (state.known && Date.now() - state.loadedAt < REFRESH_MS) return state.known;
    state.loading ??= getDb()
      .webhookEndpoint.findMany({ where: { enabled: true }, distinct: ["organizationId"], select: { organizationId: true } })
      .then((rows) => {
        const known = new Set(rows.map((row) => row.organizationId));
        state.known = known;
        state.loadedAt = Date.now();
        return known;
      })
      .finally(() => (state.loading = null));
    return state.loading;
  }

  return (organizationId) => {
    void organizations()
      .then((set) => (set.has(organizationId) ? scheduleFanOut(organizationId) : undefined))
      .catch((error: unknown) => log.warn({ err: error, organizationId }, "webhook fan-out not queued; the sweep will catch up"));
  };
}
