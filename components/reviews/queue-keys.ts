/** The review queue's keyboard: which key does what, and when keys are left alone. */

export type QueueCommand = "next" | "previous" | "first" | "last" | "approve" | "request" | "undo" | "help";

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ["j", "↓"], what: "Next entry" },
  { keys: ["k", "↑"], what: "Previous entry" },
  { keys: ["Home", "End"], what: "First or last entry" },
  { keys: ["a"], what: "Approve the selected entry" },
  { keys: ["r"], what: "Request changes on the selected entry (type the comment, Ctrl+Enter sends, Escape cancels)" },
  { keys: ["u"], what: "Undo the last decision (while it shows Undo)" },
  { keys: ["?"], what: "Show these shortcuts" },
];

/**
 * The command for a key press, or null. Letters work anywhere on the page;
 * arrows, Home and End only with the focus in the list (or nowhere), so they
 * still scroll the page and move through selects and buttons elsewhere.
 * Modified presses (Ctrl, ⌘, Alt) belong to the browser.
 */
export function queueCommand(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, focusInList: boolean): QueueCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case "j":
      return "next";
    case "k":
      return "previous";
    case "a":
      return "approve";
    case "r":
      return "request";
    case "u":
      return "undo";
    case "?":
      return "help";
    case "ArrowDown":
      return focusInList ? "next" : null;
    case "ArrowUp":
      return focusInList ? "previous" : null;
    case "Home":
      return focusInList ? "first" : null;
    case "End":
      return focusInList ? "last" : null;
    default:
      return null;
  }
}

/** Whether the key press goes into something the user types in: shortcuts then do nothing. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  // Checkboxes, radios and buttons take no text.
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes((target.type ?? "text").toLowerCase());
}

/** The entry after a move, by index in the list on screen; null when the list is empty. */
export function movedIndex(current: number, count: number, command: "next" | "previous" | "first" | "last"): number | null {
  if (count === 0) return null;
  if (command === "first") return 0;
  if (command === "last") return count - 1;
  if (current < 0) return 0;
  return command === "next" ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}
