"use client";

import { useEffect, useRef } from "react";

/**
 * The open item in the page's URL (`?item=<key>&open=1`, the link the activity feed and
 * notifications use), so a reload or a copied address opens the same item. History is
 * replaced, not pushed: moving through items with j and k is one visit to the page.
 * Closing drops `open` and keeps `item`, so a reload still lands on that row. The rest of
 * the query (the roadmap's own view) is left as it is when the change happens.
 */
export function useItemInUrl(openKey: string | null) {
  const last = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    // The first render shows what the URL asked for: nothing to write.
    if (last.current === undefined) {
      last.current = openKey;
      return;
    }
    if (last.current === openKey) return;
    last.current = openKey;
    const url = new URL(window.location.href);
    if (openKey === null) url.searchParams.delete("open");
    else {
      url.searchParams.set("item", openKey);
      url.searchParams.set("open", "1");
    }
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }, [openKey]);
}
