"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether a CSS media query matches now, following changes (a window resized, a phone
 * turned). The server render and hydration take `serverValue`, so they agree.
 */
export function useMediaQuery(query: string, serverValue = false): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener("change", onChange);
      return () => media.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}
