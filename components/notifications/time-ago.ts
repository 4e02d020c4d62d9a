import { formatRelative } from "@/lib/time/format";
import type { FormatPlace } from "@/lib/time/format";

/**
 * "now", "5 minutes ago", "3 hours ago", "2 days ago": how long ago, in the largest whole unit and
 * the viewer's locale (lib/time/format.ts). A time in the future (a clock ahead) is now.
 */
export function timeAgo(then: Date, now = new Date(), place: FormatPlace = {}): string {
  return formatRelative(then.getTime() > now.getTime() ? now : then, now, place);
}
