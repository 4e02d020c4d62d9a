/** Attempt rows → the API's shape: links recognised, markdown as its stored sanitized HTML (attempt-html.ts). */
import { endpointUrl } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import type { Prisma } from "@/lib/generated/prisma/client";
import { attemptHtml } from "./attempt-html";
import { toVerificationOut, verificationSelect } from "./github/verification-out";
import { parseEvidenceLink } from "./evidence-link";
import type { AttemptOut } from "./schema";

const personSelect = { id: true, name: true, email: true } as const;

export const attemptSelect = {
  id: true,
  assignmentId: true,
  stableKey: true,
  number: true,
  status: true,
  link: true,
  note: true,
  noteHtml: true,
  submittedAt: true,
  reviewedAt: true,
  reviewComment: true,
  reviewCommentHtml: true,
  htmlRenderer: true,
  submittedBy: { select: personSelect },
  reviewedBy: { select: personSelect },
  files: { select: { id: true, name: true, mime: true, size: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  githubCheck: { select: verificationSelect },
} as const satisfies Prisma.EvidenceAttemptSelect;

export type AttemptRow = Prisma.EvidenceAttemptGetPayload<{ select: typeof attemptSelect }>;

function linkOf(url: string): AttemptOut["link"] {
  const parsed = parseEvidenceLink(url);
  // Stored links were accepted by the same rules; an old one that no longer parses is still shown, plainly.
  return parsed.ok ? { url: parsed.url, kind: parsed.kind, label: parsed.label } : { url, kind: "link", label: url };
}

/** Where a file is downloaded: the authorized route, never a storage path. */
export const fileUrl = (slug: string, fileId: string) => endpointUrl(api.downloadEvidenceFile, { params: { orgSlug: slug, fileId } });

export function toAttemptOut(row: AttemptRow, slug: string): AttemptOut {
  const html = attemptHtml(row);
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    stableKey: row.stableKey,
    number: row.number,
    status: row.status,
    link: row.link === null ? null : linkOf(row.link),
    note: row.note,
    noteHtml: html.noteHtml,
    files: row.files.map((file) => ({ ...file, url: fileUrl(slug, file.id) })),
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
    verification: toVerificationOut(row.githubCheck),
    review:
      row.reviewedAt === null
        ? null
        : { reviewer: row.reviewedBy, at: row.reviewedAt, comment: row.reviewComment, commentHtml: html.reviewCommentHtml },
  };
}
