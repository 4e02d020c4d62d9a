"use client";

import { useCallback, useState, useSyncExternalStore } from "react";

const PREFIX = "cairn:draft:";

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(PREFIX + key);
  } catch {
    return null; // storage turned off: the draft lives as long as the component
  }
}

function write(key: string, text: string | null): void {
  try {
    if (text === null) window.sessionStorage.removeItem(PREFIX + key);
    else window.sessionStorage.setItem(PREFIX + key, text);
  } catch {
    // Full or turned off: the text stays on screen, it is only not kept past the component.
  }
}

/** Signing out leaves nothing typed by this person for the next one to sign in to this tab. */
export function forgetAllDrafts(): void {
  try {
    const storage = window.sessionStorage;
    for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key);
  } catch {
    // Storage turned off: nothing was kept.
  }
}

// Nothing else writes these entries while the component is mounted (sessionStorage is this tab's alone).
const subscribe = () => () => {};

/** The draft kept under `key`, or null (always null on the server and while hydrating). */
export function useKeptDraft(key: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
}

/**
 * Text typed but not yet saved, kept in this tab's sessionStorage under `key`, so closing a
 * panel, moving to another item or reloading the page brings it back instead of losing it.
 * `forget` drops it once it is saved. The server has no storage, so the first render (and
 * hydration) shows `saved`, and the kept draft right after. This tab's only, gone with it.
 */
export function useSessionDraft(key: string, saved: string): { draft: string; setDraft: (text: string) => void; forget: () => void } {
  const [typed, setTyped] = useState<string | null>(null);
  const kept = useKeptDraft(key);
  const setDraft = useCallback(
    (text: string) => {
      setTyped(text);
      write(key, text === saved ? null : text);
    },
    [key, saved],
  );
  const forget = useCallback(() => write(key, null), [key]);
  return { draft: typed ?? kept ?? saved, setDraft, forget };
}
