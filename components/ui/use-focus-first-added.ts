import { useCallback, useEffect, useRef } from "react";

/**
 * After "Load more" / "Show older", focus moves to the first entry the load added, so
 * keyboard and screen-reader users continue where the new entries start (the button
 * may vanish). Call `markLoadMore()` just before fetching the next page. With
 * `focusSelector`, the first match inside that entry's `<li>` gets the focus (its link);
 * without, the `<li>` itself (which must then be focusable).
 */
export function useFocusFirstAdded(entryCount: number, focusSelector?: string) {
  const listRef = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const index = focusFrom.current;
    if (index === null || entryCount <= index) return;
    focusFrom.current = null;
    const entry = listRef.current?.querySelectorAll<HTMLLIElement>(":scope > li")[index];
    (focusSelector ? entry?.querySelector<HTMLElement>(focusSelector) : entry)?.focus();
  }, [entryCount, focusSelector]);
  const markLoadMore = useCallback(() => {
    focusFrom.current = entryCount;
  }, [entryCount]);
  return { listRef, markLoadMore };
}
