"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime, formatDateTimeSeconds, formatDay, formatRelative, STABLE_LOCALE, STABLE_TIME_ZONE } from "@/lib/time/format";
import type { FormatPlace } from "@/lib/time/format";

const MINUTE = 60_000;
const noSubscription = () => () => undefined;
// One object, always the same: useSyncExternalStore compares snapshots by identity.
const BROWSER: FormatPlace = {};
const browserPlace = (): FormatPlace | null => BROWSER;

function subscribeToMinutes(onChange: () => void) {
  const timer = window.setInterval(onChange, 15_000);
  return () => window.clearInterval(timer);
}

/**
 * Where the viewer is: the browser's locale and zone (an empty FormatPlace: Intl's defaults),
 * or null while rendering on the server and hydrating, when the stable settings are used. So
 * the server's HTML and the first client render agree (no hydration mismatch), and the date
 * then reads in the viewer's locale.
 */
export function useViewerPlace(): FormatPlace | null {
  return useSyncExternalStore(noSubscription, browserPlace, () => null);
}

/** Where to format a date rendered now: the viewer's place, or the stable one on the server and while hydrating. */
export function useDatePlace(): FormatPlace {
  return useViewerPlace() ?? STABLE_PLACE;
}

const STABLE_PLACE: FormatPlace = { locale: STABLE_LOCALE, timeZone: STABLE_TIME_ZONE };

/** The time to the minute for relative times, moving on by itself; null on the server. */
function useMinute(enabled: boolean): number | null {
  return useSyncExternalStore(
    enabled ? subscribeToMinutes : noSubscription,
    () => (enabled ? Math.floor(Date.now() / MINUTE) * MINUTE : null),
    () => null,
  );
}

export type TimeFormat = "day" | "date" | "dateTime" | "dateTimeSeconds";

const FORMATS: Record<TimeFormat, (value: string, place: FormatPlace) => string> = {
  day: formatDay,
  date: formatDate,
  dateTime: formatDateTime,
  dateTimeSeconds: formatDateTimeSeconds,
};

/**
 * A date or a moment as one format everywhere (lib/time/format.ts, decision 0046), in a
 * <time dateTime> element. `day` is a calendar day ("YYYY-MM-DD", shown in UTC so it never
 * shifts); the others are moments shown where the viewer is. `relative` reads "3 hours ago" /
 * "in 6 days" with the absolute date and time in the tooltip.
 */
export function Time({ value, format = "date", relative = false, className }: { value: string | Date; format?: TimeFormat; relative?: boolean; className?: string }) {
  const iso = typeof value === "string" ? value : value.toISOString();
  const place = useViewerPlace();
  const now = useMinute(relative);
  const absolute = FORMATS[format](iso, place ?? STABLE_PLACE);
  const exact = format === "day" ? absolute : formatDateTime(iso, place ?? STABLE_PLACE);
  const text = relative && place && now !== null ? formatRelative(format === "day" ? `${iso.slice(0, 10)}T00:00:00Z` : iso, now, place) : absolute;
  return (
    <time dateTime={format === "day" ? iso.slice(0, 10) : iso} title={text === exact ? undefined : exact} className={className}>
      {text}
    </time>
  );
}
