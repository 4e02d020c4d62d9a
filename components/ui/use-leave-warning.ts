"use client";

import { useEffect } from "react";

/** Whether a click on this link leaves the page inside the app (same origin, same tab, another path or query). */
function leavesInApp(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return false;
  const to = new URL(link.href, window.location.href);
  return to.origin === window.location.origin && (to.pathname !== window.location.pathname || to.search !== window.location.search);
}

/**
 * While `unsaved`, leaving the page asks first: closing the tab or reloading (the
 * browser's own question), and following a link inside the app (`message` in a
 * confirm; the App Router has no navigation event to hold, so the click is caught
 * before Next's Link sees it). The track editor and the review queue share it.
 */
export function useLeaveWarning(unsaved: boolean, message = "Changes are not saved yet. Leave this page anyway?") {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    const ask = (event: MouseEvent) => {
      if (!leavesInApp(event) || window.confirm(message)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", warn);
    // Capture on the document runs before React's listener on its root, so Link never starts the navigation.
    document.addEventListener("click", ask, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", ask, true);
    };
  }, [unsaved, message]);
}
