/**
 * A calendar day in the API (YYYY-MM-DD: start and due dates, activity ranges). zod's
 * ISO date accepts year 0000, which ISO 8601 reads as 1 BC but PostgreSQL refuses as
 * written ("date/time field value out of range: 0000-01-01"): such a day reached the
 * database and answered 500 (found by the OpenAPI fuzz, decision 0021). Years 0001–9999
 * are read by both the same way.
 */
import { z } from "zod";

export const DAY_FORMAT_MESSAGE = "Use a date like 2026-12-01.";
export const DAY_YEAR_MESSAGE = "Use a year from 0001 to 9999.";

export function calendarDaySchema() {
  return z.iso.date(DAY_FORMAT_MESSAGE).refine((day) => !day.startsWith("0000-"), DAY_YEAR_MESSAGE);
}
