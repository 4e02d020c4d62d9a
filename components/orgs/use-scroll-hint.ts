"use client";

import { useEffect, useRef, useState } from "react";

/**
 * For a row that scrolls sideways (the tabs on a phone): whether more is hidden before or
 * after what shows, kept current on scroll and resize, and the current tab
 * (aria-current="page") scrolled to the middle when the page changes. Only the row
 * scrolls, never the page. `layoutKey` changes with the page and with anything that
 * changes the tabs' widths (the badges), so the current tab is centred again.
 */
export function useScrollHint(layoutKey: string) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState({ before: false, after: false });

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const update = () => {
      const max = scroller.scrollWidth - scroller.clientWidth;
      // A pixel of slack: zoomed pages scroll by fractions.
      setHint({ before: max > 1 && scroller.scrollLeft > 1, after: max > 1 && scroller.scrollLeft < max - 1 });
    };
    update();
    scroller.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(scroller);
    return () => {
      scroller.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    const scroller = scrollerRef.current;
    const current = scroller?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!scroller || !current || scroller.scrollWidth <= scroller.clientWidth) return;
    const row = scroller.getBoundingClientRect();
    const tab = current.getBoundingClientRect();
    scroller.scrollLeft += tab.left - row.left - (row.width - tab.width) / 2;
  }, [layoutKey]);

  return { scrollerRef, hint };
}
