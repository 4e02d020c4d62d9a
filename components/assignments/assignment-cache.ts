/** Edits to the cached pages of the assignments lists. */
import type { InfiniteData } from "@tanstack/react-query";
import type { AssignmentJson, AssignmentPageJson } from "./types";

export type AssignmentPages = InfiniteData<AssignmentPageJson, string | null>;

/** The server's fresh copy of one assignment in place of the cached one, wherever it is listed. */
export function replaceAssignment(data: AssignmentPages | undefined, updated: AssignmentJson): AssignmentPages | undefined {
  if (!data || !data.pages.some((page) => page.items.some((item) => item.id === updated.id))) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) })) };
}
