/**
 * An evidence link: an absolute http(s) address of at most 2,048 characters,
 * without credentials in it. Pull/merge requests and commits on GitHub and
 * GitLab are recognised so the UI can say what they are ("acme/api#42").
 * The server never fetches the address (no SSRF surface): it is stored, shown
 * and opened by the reader's browser, so private hosts are allowed.
 */
import { z } from "zod";

export const EVIDENCE_LINK_MAX_LENGTH = 2048;
export const EVIDENCE_LINK_KINDS = ["github-pull", "github-commit", "gitlab-merge-request", "gitlab-commit", "link"] as const;
export type EvidenceLinkKind = (typeof EVIDENCE_LINK_KINDS)[number];

export type EvidenceLink = { url: string; kind: EvidenceLinkKind; host: string; repository?: string; number?: number; sha?: string; label: string };
export type ParsedEvidenceLink = ({ ok: true } & EvidenceLink) | { ok: false; message: string };

const MESSAGES = {
  empty: "Paste a link.",
  tooLong: `A link is at most ${EVIDENCE_LINK_MAX_LENGTH.toLocaleString("en")} characters.`,
  notHttp: "A link is an http:// or https:// address.",
  controlCharacters: "A link cannot contain line breaks, tabs or other control characters.",
  credentials: "Leave the user name and password out of the link.",
} as const;

// Numbers up to 9 digits stay safe integers; a SHA is 7-40 hex digits (64 for SHA-256 repositories).
const GITHUB = /^\/([\w.-]+)\/([\w.-]+)\/(?:pull\/(\d{1,9})|commit\/([0-9a-f]{7,64}))(?:\/|$)/i;
// GitLab projects may sit in nested groups: group/subgroup/project/-/merge_requests/7.
const GITLAB = /^\/((?:[\w.-]+\/)+[\w.-]+)\/-\/(?:merge_requests\/(\d{1,9})|commit\/([0-9a-f]{7,64}))(?:\/|$)/i;
// The URL parser silently drops tabs and newlines inside an address; refuse them instead of guessing.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function parseEvidenceLink(input: string): ParsedEvidenceLink {
  const text = input.trim();
  if (text.length === 0) return { ok: false, message: MESSAGES.empty };
  if (text.length > EVIDENCE_LINK_MAX_LENGTH) return { ok: false, message: MESSAGES.tooLong };
  if (CONTROL_CHARACTERS.test(text)) return { ok: false, message: MESSAGES.controlCharacters };
  if (!/^https?:\/\//i.test(text) || !URL.canParse(text)) return { ok: false, message: MESSAGES.notHttp };
  const url = new URL(text);
  if (url.username || url.password) return { ok: false, message: MESSAGES.credentials };
  // Normalizing can lengthen the address (percent-encoding, punycode): the stored form is what must fit.
  const normalized = url.href;
  if (normalized.length > EVIDENCE_LINK_MAX_LENGTH) return { ok: false, message: MESSAGES.tooLong };
  return { ok: true, ...recognise(url, normalized) };
}

function recognise(url: URL, normalized: string): EvidenceLink {
  const host = url.hostname;
  if (host === "github.com" || host === "www.github.com") {
    const match = GITHUB.exec(url.pathname);
    if (match) {
      const repository = `${match[1]}/${match[2]}`;
      if (match[3]) return { url: normalized, kind: "github-pull", host, repository, number: Number(match[3]), label: `${repository}#${match[3]}` };
      const sha = match[4]!.toLowerCase();
      return { url: normalized, kind: "github-commit", host, repository, sha, label: `${repository}@${sha.slice(0, 7)}` };
    }
  }
  // gitlab.com and self-managed instances on a gitlab.* host. Recognising only shapes the label: nothing trusts the host.
  if (host === "gitlab.com" || host.startsWith("gitlab.")) {
    const match = GITLAB.exec(url.pathname);
    if (match) {
      const repository = match[1]!;
      if (match[2]) return { url: normalized, kind: "gitlab-merge-request", host, repository, number: Number(match[2]), label: `${repository}!${match[2]}` };
      const sha = match[3]!.toLowerCase();
      return { url: normalized, kind: "gitlab-commit", host, repository, sha, label: `${repository}@${sha.slice(0, 7)}` };
    }
  }
  return { url: normalized, kind: "link", host, label: normalized };
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
