"use client";

import { cx } from "@/components/ui/class-names";
import { useLiveStatus } from "./live-events-provider";

const LABEL = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline", closed: "Not live" } as const;

/** Whether what is on screen follows changes as they happen. */
export function LiveStatus() {
  const status = useLiveStatus();
  return (
    <p role="status" aria-label={`Live updates: ${LABEL[status]}`} className="flex items-center gap-1.5 text-xs text-muted-foreground">
      <span
        aria-hidden="true"
        className={cx("size-2 rounded-full", status === "live" ? "bg-success" : status === "offline" || status === "closed" ? "bg-danger" : "animate-pulse bg-muted-foreground motion-reduce:animate-none")}
      />
      {LABEL[status]}
    </p>
  );
}
