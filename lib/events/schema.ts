import { z } from "zod";
import { assignmentsParamsSchema } from "@/lib/assignments/schema";
import { pageQueryFields } from "@/lib/http/pagination";
import { wireEventSchema } from "@/lib/realtime/wire-event";
import { decodeEventLogCursor } from "./event-log-cursor";

/** More events than this after `after` are not replayed: the client reloads what it shows instead. */
export const REPLAY_MAX = 500;

export const eventsParamsSchema = assignmentsParamsSchema;

export const listEventsQuerySchema = z.strictObject({
  after: z.coerce
    .number({ message: "Use the sequence number of the last event you applied." })
    .int("Use a whole number.")
    .min(0, "Use 0 or more.")
    .optional()
    .meta({ description: "The last sequence the client applied; omitted, the answer only says where the stream is now." }),
});

export const eventPageSchema = z.object({
  items: z.array(wireEventSchema).meta({ description: "Events after `after` the caller may see, oldest first." }),
  latestSequence: z.number().meta({ description: "The organization's last committed sequence: continue from here." }),
  resync: z.boolean().meta({ description: `True when more than ${REPLAY_MAX} events were missed: reload what is on screen, then continue from latestSequence.` }),
});

/** The event log's pages (lib/events/event-log.ts): at most this many events each. */
export const EVENT_LOG_PAGE_MAX = 500;
export const EVENT_LOG_PAGE_DEFAULT = 100;

export const eventLogQuerySchema = z
  .strictObject({
    after: z.coerce
      .number({ message: "Use the sequence number of an event." })
      .int("Use a whole number.")
      .min(0, "Use 0 or more.")
      .max(Number.MAX_SAFE_INTEGER, "Use the sequence number of an event.")
      .optional()
      .meta({ description: "Start after this sequence (0, the default, is the beginning of the log). For a first page only: later pages pass `cursor`." }),
    ...pageQueryFields({ noun: "event", max: EVENT_LOG_PAGE_MAX, default: EVENT_LOG_PAGE_DEFAULT, decode: decodeEventLogCursor }),
  })
  .refine((query) => query.after === undefined || query.cursor === undefined, { path: ["after"], message: "Send either after or cursor, not both." });

export const eventLogPageSchema = z.object({
  items: z.array(wireEventSchema).meta({ description: "The next events the caller may see, in sequence order." }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null when every event up to latestSequence was sent." }),
  latestSequence: z.number().meta({ description: "The organization's last committed sequence when the page was read: to follow the log later, start again with `after` set to it." }),
});
