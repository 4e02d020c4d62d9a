/** An Event row as sockets and the replay API send it. */
import { z } from "zod";

export const wireEventSchema = z.object({
  sequence: z.number().meta({ description: "The organization's event number: increasing in commit order (not every number reaches every member)." }),
  type: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  actorId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});
export type WireEvent = z.output<typeof wireEventSchema>;

export interface EventRow {
  sequence: bigint | number | string;
  type: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  payload: unknown;
  createdAt: Date;
}

export function toWireEvent(row: EventRow): WireEvent {
  return {
    sequence: Number(row.sequence),
    type: row.type,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    actorId: row.actorId,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    createdAt: row.createdAt,
  };
}
