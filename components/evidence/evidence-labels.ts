import type { AttemptStatus, EvidenceLinkJson, EvidenceLinkKind } from "./types";

export const ATTEMPT_STATUS_LABEL: Record<AttemptStatus, string> = {
  SUBMITTED: "Waiting for review",
  APPROVED: "Approved",
  CHANGES_REQUESTED: "Changes requested",
};

/** What kind of thing a link points at, said before its label. Null: a plain link, shown by its label alone. */
export const LINK_KIND_LABEL: Record<EvidenceLinkKind, string | null> = {
  "github-pull": "Pull request",
  "github-commit": "Commit",
  "gitlab-merge-request": "Merge request",
  "gitlab-commit": "Commit",
  link: null,
};

/** "Pull request acme/api#42", "Commit acme/api@1a2b3c4", or the address of a plain link. */
export function linkText(link: Pick<EvidenceLinkJson, "kind" | "label">): string {
  const kind = LINK_KIND_LABEL[link.kind];
  return kind ? `${kind} ${link.label}` : link.label;
}

export const personName = (person: { name: string | null; email: string } | null) => (person ? (person.name ?? person.email) : "someone no longer here");
