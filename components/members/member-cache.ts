/** Edits to the cached pages of the members list, for optimistic updates. */
import type { InfiniteData } from "@tanstack/react-query";
import type { MemberJson, MemberPageJson } from "./types";

type Pages = InfiniteData<MemberPageJson, string | null>;

export function patchMember(data: Pages | undefined, id: string, patch: Partial<Pick<MemberJson, "role" | "status">>): Pages | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === id ? { ...item, ...patch } : item)) })) };
}

export function dropMember(data: Pages | undefined, id: string): Pages | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })) };
}
