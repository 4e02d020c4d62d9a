/**
 * The keys every tree in the app shares, per the WAI-ARIA tree pattern: ↑/↓ move
 * between the rows on screen, Home/End jump to the ends, ← folds a row (or goes
 * to its parent), → unfolds it (or goes to its first child). Each screen's keymap
 * decides first which modifiers it leaves to the browser, then asks this one,
 * then adds its own keys (Space and Enter on the roadmap; moves, Tab and Insert
 * in the editor).
 */

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export type NavigationCommand = "previous" | "next" | "first" | "last" | "collapse" | "expand";

const NAVIGATION: Readonly<Record<string, NavigationCommand>> = {
  ArrowUp: "previous",
  ArrowDown: "next",
  Home: "first",
  End: "last",
  ArrowLeft: "collapse",
  ArrowRight: "expand",
};

/** The move a key asks for, whatever the modifiers (the screen's keymap has dealt with them). */
export function navigationCommand(key: string): NavigationCommand | null {
  return Object.hasOwn(NAVIGATION, key) ? NAVIGATION[key]! : null;
}

export function hasModifier(press: KeyPress): boolean {
  return press.altKey || press.ctrlKey || press.metaKey || press.shiftKey;
}
