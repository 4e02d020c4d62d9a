import type { Member } from "@/lib/members/schema";

/** A member as the API sends it: dates travel as ISO strings. */
export type MemberJson = Omit<Member, "joinedAt"> & { joinedAt: string };

export interface MemberPageJson {
  items: MemberJson[];
  nextCursor: string | null;
}
