"use client";

import { useEffect, useState } from "react";

/**
 * False until the browser has been idle once after mount (the page's own requests and
 * rendering came first), then true. For work a page can do without at first, such as
 * the navigation's badge counts: starting them later keeps them off the page's
 * critical path. Waits at most `timeoutMs` on a browser that is never idle.
 */
export function useIdle(timeoutMs = 2_000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = window.setTimeout(() => setIdle(true), 200);
    return () => window.clearTimeout(timer);
  }, [timeoutMs]);
  return idle;
}
