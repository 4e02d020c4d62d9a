import { z } from "zod";
import { orgSlugSchema } from "@/lib/orgs/schema";
import { SLACK_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from "./event-types";
import { TARGET_URL_MAX } from "./target-url";

export const ENDPOINTS_PER_ORGANIZATION = 20;
export const DELIVERIES_PAGE_DEFAULT = 25;
export const DELIVERIES_PAGE_MAX = 100;

export const webhooksParamsSchema = z.strictObject({ orgSlug: orgSlugSchema });
/** An id that cannot exist fails here and answers 404, like one of another organization. */
export const webhookParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, endpointId: z.cuid() });
export const deliveryParamsSchema = z.strictObject({ orgSlug: orgSlugSchema, endpointId: z.cuid(), deliveryId: z.cuid() });

const descriptionText = z.string().trim().max(100, "A description has at most 100 characters.");
const descriptionSchema = descriptionText.default("");
const urlSchema = z.string().trim().min(1, "Enter the URL.").max(TARGET_URL_MAX, `A URL has at most ${TARGET_URL_MAX} characters.`);
const uniqueTypes = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .min(1, "Choose at least one event type.")
    .max(100)
    .transform((types) => [...new Set(types)]);

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES as [string, ...string[]]);
export const slackEventTypeSchema = z.enum(SLACK_EVENT_TYPES);

export const createWebhookSchema = z.strictObject({
  url: urlSchema.meta({ description: "Where Cairn POSTs the events: an http(s) URL of a public address (private ones only where WEBHOOK_ALLOW_PRIVATE=true)." }),
  description: descriptionSchema,
  eventTypes: uniqueTypes(webhookEventTypeSchema),
});

export const createSlackChannelSchema = z.strictObject({
  url: urlSchema.meta({ description: "The channel's Slack incoming-webhook URL (https://hooks.slack.com/services/…). Stored sealed; never shown again in full." }),
  description: descriptionSchema.meta({ description: "The channel's name, for people (e.g. #onboarding)." }),
  eventTypes: uniqueTypes(slackEventTypeSchema),
});

export const updateWebhookSchema = z
  .strictObject({
    url: urlSchema
      .optional()
      .meta({ description: "A new target, checked as when registering (a Slack channel: a Slack incoming-webhook URL). Deliveries still waiting go to it, retried at once; the signing secret stays (rotate it with POST …/secret)." }),
    description: descriptionText.optional(),
    eventTypes: uniqueTypes(z.string().max(100)).optional().meta({ description: "For a Slack channel, only the types Slack can post." }),
    enabled: z.boolean().optional().meta({ description: "Turning an endpoint on again sends the events from then on (not those of the time it was off) and what was waiting in its log." }),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "Change at least one of url, description, eventTypes, enabled." });

export const listWebhooksQuerySchema = z.strictObject({ kind: z.enum(["WEBHOOK", "SLACK"]).optional() });

export const listDeliveriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(DELIVERIES_PAGE_MAX).default(DELIVERIES_PAGE_DEFAULT),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().meta({ description: "The previous page's `nextBefore`." }),
});

export const webhookSchema = z.object({
  id: z.string(),
  kind: z.enum(["WEBHOOK", "SLACK"]),
  description: z.string(),
  url: z.string().meta({ description: "The URL (a Slack URL with its secret part masked)." }),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledAt: z.date().nullable(),
  disabledReason: z.string().nullable(),
  failingSince: z.date().nullable(),
  createdAt: z.date(),
});
export type WebhookView = z.output<typeof webhookSchema>;

export const webhookListSchema = z.object({ items: z.array(webhookSchema), eventTypes: z.array(z.string()), slackEventTypes: z.array(z.string()) });
export const createdWebhookSchema = webhookSchema.extend({
  secret: z.string().nullable().meta({ description: "The signing secret (webhooks; null for Slack): shown this once." }),
});
export const rotatedSecretSchema = z.object({ secret: z.string().meta({ description: "The new signing secret, shown this once. The old one stops signing at once." }) });

export const deliverySchema = z.object({
  id: z.string(),
  eventType: z.string(),
  eventSequence: z.number().nullable().meta({ description: "null for a test event." }),
  status: z.enum(["PENDING", "SUCCEEDED", "DEAD"]),
  attempts: z.number(),
  responseStatus: z.number().nullable(),
  responseTimeMs: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.date().nullable().meta({ description: "When a waiting delivery is tried (next); null once it succeeded or was given up." }),
  lastAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
});
export const deliveryPageSchema = z.object({ items: z.array(deliverySchema), nextBefore: z.number().nullable() });
export const deletedWebhookSchema = z.object({ id: z.string(), deleted: z.literal(true) });
