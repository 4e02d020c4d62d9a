/**
 * An evidence link: an absolute http(s) address of at most 2,048 characters,
 * without credentials in it. Pull/merge requests and commits on GitHub and
 * GitLab are recognised so the UI can say what they are ("acme/api#42").
 */
import { z } from "zod";

export const EVIDENCE_LINK_MAX_LENGTH = 2048;
export const EVIDENCE_LINK_KINDS = ["github-pull", "github-commit", "gitlab-merge-request", "gitlab-commit", "link"] as const;
export type EvidenceLinkKind = (typeof EVIDENCE_LINK_KINDS)[number];

export type ParsedEvidenceLink =
  | { ok: true; url: string; kind: EvidenceLinkKind; host: string; repository?: string; number?: number; sha?: string; label: string }
  | { ok: false; message: string };

const GITHUB = /^\/([\w.-]+)\/([\w.-]+)\/(pull\/(\d+)|commit\/([0-9a-f]{7,40}))(\/|$)/i;
// GitLab projects may sit in nested groups: group/subgroup/project/-/merge_requests/7.
const GITLAB = /^\/((?:[\w.-]+\/)+[\w.-]+)\/-\/(merge_requests\/(\d+)|commit\/([0-9a-f]{7,40}))(\/|$)/i;

export function parseEvidenceLink(input: string): ParsedEvidenceLink {
  const text = input.trim();
  if (text.length === 0) return { ok: false, message: "Paste a link." };
  if (text.length > EVIDENCE_LINK_MAX_LENGTH) return { ok: false, message: `A link is at most ${EVIDENCE_LINK_MAX_LENGTH.toLocaleString("en")} characters.` };
  if (!/^https?:\/\//i.test(text) || !URL.canParse(text)) return { ok: false, message: "A link is an http:// or https:// address." };
  const url = new URL(text);
  if (url.username || url.password) return { ok: false, message: "Leave the user name and password out of the link." };
  const normalized = url.href;
  if (normalized.length > EVIDENCE_LINK_MAX_LENGTH) return { ok: false, message: `A link is at most ${EVIDENCE_LINK_MAX_LENGTH.toLocaleString("en")} characters.` };
  const host = url.hostname.toLowerCase();
  if (host === "github.com" || host === "www.github.com") {
    const match = GITHUB.exec(url.pathname);
    if (match) {
      const repository = `${match[1]}/${match[2]}`;
      if (match[4]) return { ok: true, url: normalized, kind: "github-pull", host, repository, number: Number(match[4]), label: `${repository}#${match[4]}` };
      const sha = match[5]!.toLowerCase();
      return { ok: true, url: normalized, kind: "github-commit", host, repository, sha, label: `${repository}@${sha.slice(0, 7)}` };
    }
  }
  if (host === "gitlab.com" || host.startsWith("gitlab.")) {
    const match = GITLAB.exec(url.pathname);
    if (match) {
      const repository = match[1]!;
      if (match[3]) return { ok: true, url: normalized, kind: "gitlab-merge-request", host, repository, number: Number(match[3]), label: `${repository}!${match[3]}` };
      const sha = match[4]!.toLowerCase();
      return { ok: true, url: normalized, kind: "gitlab-commit", host, repository, sha, label: `${repository}@${sha.slice(0, 7)}` };
    }
  }
  return { ok: true, url: normalized, kind: "link", host, label: normalized };
}

/** The API's link field: the same rules and messages; the output is the normalized address. */
export const evidenceLinkSchema = z.string().transform((value, ctx) => {
  const parsed = parseEvidenceLink(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.url;
});
