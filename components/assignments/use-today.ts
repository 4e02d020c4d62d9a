"use client";

import { useSyncExternalStore } from "react";
import { localToday } from "./labels";

const noChanges = () => () => {};

/**
 * Today in the viewer's calendar, or "" while rendering on the server (which
 * does not know the viewer's time zone); the browser fills it in after
 * hydration without a mismatch.
 */
export function useToday(): string {
  return useSyncExternalStore(noChanges, () => localToday(), () => "");
}
