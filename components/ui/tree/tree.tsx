"use client";

import { useEffect, useRef } from "react";
import type { HTMLAttributes, ReactNode } from "react";
import type { KeyPress } from "./tree-keys";

export interface FocusRequest {
  key: string;
  /** A new request for the same row focuses it again. */
  nonce: number;
}

/** The treeitem row an event happened in (or under), if any. */
export const treeItemOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[role="treeitem"]') : null);

/**
 * What a screen does with a key its keymap recognized on a row; "browser" leaves
 * the key to the browser (the editor's Tab after Escape moves focus out of the tree).
 */
export type TreeKeyHandler<C> = (command: C, key: string, row: HTMLElement) => void | "browser";

type DivProps = Omit<HTMLAttributes<HTMLDivElement>, "role" | "aria-label" | "onKeyDown" | "onFocus" | "children">;

/**
 * A tree as a flat list: role="tree" around role="treeitem" rows (tree-item.ts),
 * one of them in the tab order. The screen renders the rows (children) and keeps
 * them plain memoized values: keys, focus and clicks are handled here, once for
 * every row, through `data-key`. Keys count only on a focused row itself, so
 * typing in a row's menu or rename field is left alone.
 */
export function Tree<C>({
  label,
  keymap,
  onKey,
  onRowFocus,
  focusRequest,
  scrollOnFocus = false,
  children,
  ...rest
}: DivProps & {
  label: string;
  keymap: (press: KeyPress) => C | null;
  onKey: TreeKeyHandler<C>;
  /** Focus came to a row (arrow keys, a click, Tab). */
  onRowFocus: (key: string) => void;
  /** A row to focus once it is on screen. */
  focusRequest: FocusRequest | null;
  /** Scroll the requested row into view too (focus alone scrolls only as far as the browser likes). */
  scrollOnFocus?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const handledFocus = useRef(0);

  // The row asked for may appear a render later (after unfolding its parents, or an optimistic add): try again on each render.
  useEffect(() => {
    if (!focusRequest || handledFocus.current === focusRequest.nonce) return;
    const row = ref.current?.querySelector<HTMLElement>(`[role="treeitem"][data-key="${CSS.escape(focusRequest.key)}"]`);
    if (!row) return;
    handledFocus.current = focusRequest.nonce;
    row.focus();
    if (scrollOnFocus) row.scrollIntoView({ block: "nearest" });
  });

  return (
    <div
      ref={ref}
      role="tree"
      aria-label={label}
      {...rest}
      onKeyDown={(event) => {
        const row = event.target instanceof HTMLElement && event.target.getAttribute("role") === "treeitem" ? event.target : null;
        const key = row?.dataset.key;
        const command = key ? keymap(event) : null;
        if (!row || !key || command === null) return;
        if (onKey(command, key, row) === "browser") return;
        event.preventDefault();
      }}
      onFocus={(event) => {
        // Focus follows clicks and Tab as well as the arrow keys.
        const key = event.target.getAttribute("role") === "treeitem" ? event.target.dataset.key : undefined;
        if (key) onRowFocus(key);
      }}
    >
      {children}
    </div>
  );
}
