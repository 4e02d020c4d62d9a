"use client";

import { useEffect, useRef, useState } from "react";

/** Scrolls the row so that its current tab (aria-current="page") is in the middle, or as near as the row allows. */
function centreCurrent(scroller: HTMLElement) {
  const current = scroller.querySelector<HTMLElement>('[aria-current="page"]');
  if (!current || scroller.scrollWidth <= scroller.clientWidth) return;
  const row = scroller.getBoundingClientRect();
  const tab = current.getBoundingClientRect();
  scroller.scrollLeft += tab.left - row.left - (row.width - tab.width) / 2;
}

/**
 * For a row that scrolls sideways (the tabs on a phone): whether more is hidden before or
 * after what shows, kept current on scroll and resize, and the current tab scrolled to the
 * middle when the page changes and when the tabs change width (a badge arriving, the web
 * font replacing the fallback). Only the row scrolls, never the page.
 */
export function useScrollHint(pathname: string) {
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
    let contentWidth = scroller.scrollWidth;
    const observer = new ResizeObserver(() => {
      if (scroller.scrollWidth !== contentWidth) {
        contentWidth = scroller.scrollWidth;
        centreCurrent(scroller);
      }
      update();
    });
    observer.observe(scroller);
    for (const group of Array.from(scroller.children)) observer.observe(group);
    return () => {
      scroller.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    if (scrollerRef.current) centreCurrent(scrollerRef.current);
  }, [pathname]);

  return { scrollerRef, hint };
}
