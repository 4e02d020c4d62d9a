/**
 * The event log's cursor: the organization and the sequence of the last event a
 * page covered. Unlike the other lists' cursors (lib/http/cursor.ts) it names its
 * organization, so a cursor carried to another organization's log is refused
 * (422) instead of silently starting that log part-way through.
 */
import { decodeCursorParts, encodeCursorParts } from "@/lib/http/cursor";

export interface EventLogPosition {
  organizationId: string;
  sequence: number;
}

/** A sequence as String(number) writes one: no sign, no leading zero, no exponent, exactly representable. */
const ISSUED_SEQUENCE = /^(0|[1-9]\d{0,15})$/;

export function encodeEventLogCursor(position: EventLogPosition): string {
  return encodeCursorParts([position.organizationId, String(position.sequence)]);
}

/** The position a cursor names, or null when it is not one this API issued. */
export function decodeEventLogCursor(cursor: string): EventLogPosition | null {
  const [organizationId, sequence] = decodeCursorParts(cursor, 2) ?? [];
  if (typeof organizationId !== "string" || organizationId.length === 0 || typeof sequence !== "string" || !ISSUED_SEQUENCE.test(sequence)) return null;
  const number = Number(sequence);
  return Number.isSafeInteger(number) ? { organizationId, sequence: number } : null;
}
