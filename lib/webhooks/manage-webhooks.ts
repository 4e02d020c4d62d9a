/**
 * Registering and changing an organization's outgoing integrations (owners:
 * `integration.manage`). Every lookup is keyed by the organization, so another
 * organization's endpoint is a 404. A webhook's signing secret is made here,
 * returned once and stored sealed; a Slack URL (itself a secret) is stored sealed
 * and shown masked.
 */
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { AppError, invalidInput, notFound } from "@/lib/http/errors";
import type { OrgContext } from "@/lib/http/handle";
import { openSealedSecret, sealSecret } from "@/lib/jobs/sealed-secret";
import { forgetWebhookOrganizations } from "./event-trigger";
import { SLACK_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from "./event-types";
import { scheduleDeliveries } from "./schedule";
import { ENDPOINTS_PER_ORGANIZATION } from "./schema";
import { newWebhookSecret } from "./signature";
import { resolvedAddressProblem } from "./safe-post";
import { literalAddressOf } from "./target-address";
import { checkTargetUrl } from "./target-url";
import { webhookView } from "./views";

export async function findEndpoint(ctx: OrgContext, endpointId: string) {
  const endpoint = await getDb().webhookEndpoint.findFirst({ where: { id: endpointId, organizationId: ctx.organization.id } });
  if (!endpoint) throw notFound("webhook");
  return endpoint;
}

async function checkedUrl(raw: string): Promise<URL> {
  const allowPrivate = getConfig().WEBHOOK_ALLOW_PRIVATE;
  const verdict = checkTargetUrl(raw, { allowPrivate });
  if (!verdict.ok) throw invalidInput("body.url", `The URL ${verdict.reason}.`);
  if (!allowPrivate && !literalAddressOf(verdict.url.hostname)) {
    const problem = await resolvedAddressProblem(verdict.url.hostname);
    if (problem) throw invalidInput("body.url", `The URL's host ${problem}: only public addresses can receive webhooks.`);
  }
  return verdict.url;
}

/** A Slack incoming-webhook URL: under SLACK_API_URL (https://hooks.slack.com by default), path /services/…. */
export function slackUrlProblem(url: URL, base = getConfig().SLACK_API_URL): string | null {
  const root = new URL(base);
  const prefix = `${root.pathname.replace(/\/+$/, "")}/services/`;
  if (url.origin !== root.origin || !url.pathname.startsWith(prefix) || url.pathname.length <= prefix.length) {
    return `must be a Slack incoming-webhook URL (${root.origin}${prefix}…)`;
  }
  if (url.search || url.hash) return "must be the incoming-webhook URL as Slack shows it (no query or fragment)";
  return null;
}

function maskedSlackUrl(url: URL): string {
  const parts = url.pathname.split("/").filter(Boolean);
  const servicesAt = parts.indexOf("services");
  const shown = parts.slice(0, servicesAt + 2).join("/");
  return `${url.origin}/${shown}/…`;
}

/** What the audit log keeps of an endpoint: never the secret or a Slack URL in full. */
export function recordIntegrationEvent(tx: DbClient, organizationId: string, actorId: string | null, type: string, row: WebhookEndpoint, extra: Record<string, string | boolean | string[]> = {}) {
  return recordEvent(tx, {
    organizationId,
    type,
    actorId,
    subjectType: "organization",
    subjectId: organizationId,
    payload: { endpointId: row.id, kind: row.kind, description: row.description, url: row.displayUrl, ...extra },
  });
}

async function assertRoom(ctx: OrgContext) {
  const count = await getDb().webhookEndpoint.count({ where: { organizationId: ctx.organization.id } });
  if (count >= ENDPOINTS_PER_ORGANIZATION) {
    throw new AppError("CONFLICT", `An organization has at most ${ENDPOINTS_PER_ORGANIZATION} webhooks and Slack channels together: delete one first.`);
  }
}

async function currentSequence(organizationId: string): Promise<bigint> {
  const organization = await getDb().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { eventSequence: true } });
  return organization.eventSequence;
}

export async function listWebhooks(ctx: OrgContext, kind?: "WEBHOOK" | "SLACK") {
  const rows = await getDb().webhookEndpoint.findMany({
    where: { organizationId: ctx.organization.id, ...(kind ? { kind } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { items: rows.map(webhookView), eventTypes: [...WEBHOOK_EVENT_TYPES], slackEventTypes: [...SLACK_EVENT_TYPES] };
}

export async function createWebhook(ctx: OrgContext, input: { url: string; description: string; eventTypes: string[] }) {
  const url = await checkedUrl(input.url);
  await assertRoom(ctx);
  const secret = newWebhookSecret();
  const afterSequence = await currentSequence(ctx.organization.id);
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        organizationId: ctx.organization.id,
        kind: "WEBHOOK",
        description: input.description,
        url: url.toString(),
        displayUrl: url.toString(),
        sealedSecret: sealSecret(secret),
        eventTypes: input.eventTypes,
        // Events from now on: an endpoint does not receive the organization's history.
        afterSequence,
        createdById: ctx.user.id,
      },
    });
    await recordIntegrationEvent(tx, ctx.organization.id, ctx.user.id, "integration.created", created, { eventTypes: created.eventTypes });
    return created;
  });
  forgetWebhookOrganizations();
  return { ...webhookView(row), secret };
}

export async function createSlackChannel(ctx: OrgContext, input: { url: string; description: string; eventTypes: string[] }) {
  const url = await checkedUrl(input.url);
  const problem = slackUrlProblem(url);
  if (problem) throw invalidInput("body.url", `The URL ${problem}.`);
  await assertRoom(ctx);
  const afterSequence = await currentSequence(ctx.organization.id);
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        organizationId: ctx.organization.id,
        kind: "SLACK",
        description: input.description,
        sealedUrl: sealSecret(url.toString()),
        displayUrl: maskedSlackUrl(url),
        eventTypes: input.eventTypes,
        afterSequence,
        createdById: ctx.user.id,
      },
    });
    await recordIntegrationEvent(tx, ctx.organization.id, ctx.user.id, "integration.created", created, { eventTypes: created.eventTypes });
    return created;
  });
  forgetWebhookOrganizations();
  return { ...webhookView(row), secret: null };
}

/** A new target for an endpoint, checked as when it was registered; null when it is the one it has. */
async function changedTarget(endpoint: WebhookEndpoint, raw: string): Promise<{ url?: string; sealedUrl?: string; displayUrl: string } | null> {
  const url = await checkedUrl(raw);
  if (endpoint.kind === "WEBHOOK") return url.toString() === endpoint.url ? null : { url: url.toString(), displayUrl: url.toString() };
  const problem = slackUrlProblem(url);
  if (problem) throw invalidInput("body.url", `The URL ${problem}.`);
  if (endpoint.sealedUrl && openSealedSecret(endpoint.sealedUrl) === url.toString()) return null;
  return { sealedUrl: sealSecret(url.toString()), displayUrl: maskedSlackUrl(url) };
}

export async function updateWebhook(ctx: OrgContext, endpointId: string, input: { url?: string; description?: string; eventTypes?: string[]; enabled?: boolean }) {
  const endpoint = await findEndpoint(ctx, endpointId);
  if (input.eventTypes) {
    const allowed: readonly string[] = endpoint.kind === "SLACK" ? SLACK_EVENT_TYPES : WEBHOOK_EVENT_TYPES;
    const index = input.eventTypes.findIndex((type) => !allowed.includes(type));
    if (index >= 0) throw invalidInput(`body.eventTypes.${index}`, `${endpoint.kind === "SLACK" ? "Slack cannot post" : "There is no event type"} "${input.eventTypes[index]}".`);
  }
  // Checked before anything is written: a refused URL changes nothing, the other fields included.
  const target = input.url === undefined ? null : await changedTarget(endpoint, input.url);
  const turningOn = input.enabled === true && !endpoint.enabled;
  const turningOff = input.enabled === false && endpoint.enabled;
  const afterSequence = turningOn ? await currentSequence(ctx.organization.id) : undefined;
  const row = await getDb().$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        // A new target starts with a clean record: the failures were the old one's.
        ...(target ? { ...target, failingSince: null } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.eventTypes ? { eventTypes: input.eventTypes } : {}),
        ...(turningOn ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null, afterSequence } : {}),
        ...(turningOff ? { enabled: false, disabledAt: new Date(), disabledReason: "Turned off by an owner." } : {}),
      },
    });
    const changes: Record<string, string | boolean | string[]> = {};
    if (target) changes.urlFrom = endpoint.displayUrl;
    if (input.description !== undefined && input.description !== endpoint.description) changes.descriptionFrom = endpoint.description;
    if (input.eventTypes && input.eventTypes.join() !== endpoint.eventTypes.join()) changes.eventTypes = input.eventTypes;
    if (turningOn || turningOff) changes.enabled = updated.enabled;
    if (Object.keys(changes).length > 0) await recordIntegrationEvent(tx, ctx.organization.id, ctx.user.id, "integration.updated", updated, changes);
    return updated;
  });
  if (turningOn) forgetWebhookOrganizations();
  if (turningOn || (target && row.enabled)) {
    // What waited in its log goes now (to the new target, if that changed), retries start afresh.
    await getDb().webhookDelivery.updateMany({ where: { endpointId: endpoint.id, status: "PENDING" }, data: { nextAttemptAt: new Date() } });
    await scheduleDeliveries([endpoint.id]);
  }
  return webhookView(row);
}

export async function deleteWebhook(ctx: OrgContext, endpointId: string) {
  const endpoint = await findEndpoint(ctx, endpointId);
  // Its deliveries go with it (cascade); a worker mid-attempt finds no row to record on and stops.
  await getDb().$transaction(async (tx) => {
    const deleted = await tx.webhookEndpoint.deleteMany({ where: { id: endpoint.id, organizationId: ctx.organization.id } });
    if (deleted.count > 0) await recordIntegrationEvent(tx, ctx.organization.id, ctx.user.id, "integration.deleted", endpoint);
  });
  return { id: endpoint.id, deleted: true as const };
}

export async function rotateWebhookSecret(ctx: OrgContext, endpointId: string) {
  const endpoint = await findEndpoint(ctx, endpointId);
  if (endpoint.kind !== "WEBHOOK") throw new AppError("CONFLICT", "A Slack channel has no signing secret.");
  const secret = newWebhookSecret();
  await getDb().$transaction(async (tx) => {
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { sealedSecret: sealSecret(secret) } });
    await recordIntegrationEvent(tx, ctx.organization.id, ctx.user.id, "integration.secret_rotated", endpoint);
  });
  return { secret };
}
