"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";

/**
 * A page's view (filters, pages loaded) kept in its URL query string, so a reload or a
 * shared link shows the same thing. History is replaced, not pushed: filtering is one
 * visit to the page. Two things make it race-free:
 * - the view on screen changes as soon as it is set; Next.js brings useSearchParams in
 *   step with replaceState a moment later, so a control bound to it would lag (a checkbox
 *   would not look checked right after the click);
 * - a change is merged into the URL as it is when it happens, not as it was when the
 *   caller rendered, so a late debounced search cannot undo a filter chosen meanwhile.
 */
export function useUrlView<View extends object>(
  parse: (params: { get(name: string): string | null }) => View,
  searchOf: (view: View) => string,
): [View, (next: Partial<View>) => void] {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const fromUrl = useMemo(() => parse(searchParams), [parse, searchParams]);
  const [view, setLocalView] = useState(fromUrl);
  // The URL also changes without us (back and forward, links to this page): follow it,
  // adjusting state while rendering as React advises for "state derived from a prop".
  const [seen, setSeen] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    setLocalView(fromUrl);
  }

  const setView = useCallback(
    (next: Partial<View>) => {
      const merged = { ...parse(new URLSearchParams(window.location.search)), ...next };
      window.history.replaceState(null, "", `${pathname}${searchOf(merged)}`);
      setLocalView(merged);
    },
    [parse, searchOf, pathname],
  );
  return [view, setView];
}
