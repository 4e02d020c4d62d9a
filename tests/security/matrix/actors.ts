/**
 * Who asks, in the matrix's column order. Every caller but `crossOrg` names
 * organization A in the path; `crossOrg` is the outsider going through their own
 * organization's slug with A's ids (a path or body naming another organization's
 * object must find nothing).
 */
import type { PersonName, World } from "./world";

export const ACTORS = [
  "anonymous",
  "outsider",
  "owner",
  "admin",
  "mentor",
  "otherMentor",
  "hire",
  "member",
  "suspended",
  "demoted",
  "removed",
  "crossOrg",
] as const;
export type Actor = (typeof ACTORS)[number];

export const ACTOR_DESCRIPTIONS: Record<Actor, string> = {
  anonymous: "no session",
  outsider: "organization B's owner, naming organization A",
  owner: "A's owner",
  admin: "A's admin",
  mentor: "a mentor of the hire's assignment",
  otherMentor: "a mentor who does not mentor it",
  hire: "the member the assignment is for",
  member: "another member",
  suspended: "a suspended member (was a mentor of the assignment)",
  demoted: "a mentor of the assignment, demoted to member through the member route",
  removed: "a removed member (was a mentor of the assignment)",
  crossOrg: "organization B's owner, through B's slug, naming A's objects",
};

export interface Caller {
  actor: Actor;
  /** The person behind the session, if any. */
  person?: PersonName;
  cookie?: string;
  /** The organization the path names. */
  slug: string;
}

export function callerFor(world: World, actor: Actor): Caller {
  if (actor === "anonymous") return { actor, slug: world.slug };
  const person: PersonName = actor === "crossOrg" ? "outsider" : actor;
  // Read at call time: a call that ends a session signs its person in again.
  return {
    actor,
    person,
    get cookie() {
      return world.people[person].cookie;
    },
    slug: actor === "crossOrg" ? world.other.slug : world.slug,
  };
}
