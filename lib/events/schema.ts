import { z } from "zod";
import { assignmentsParamsSchema } from "@/lib/assignments/schema";
import { wireEventSchema } from "@/lib/realtime/wire-event";

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
