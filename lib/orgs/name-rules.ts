/**
 * What an organization's name may not contain (decision 0019). The name is
 * chosen by whoever creates the organization and is put in every invitation
 * email Cairn sends on its behalf, so it must not be a way to put a link or a
 * disguised address in front of strangers: no web or email address (anything a
 * mail client would turn into a link), no control characters and no
 * bidirectional overrides (which reorder what is shown). A name such as
 * "Node.js team" stays allowed: "js" is not a top-level domain.
 */
import MarkdownIt from "markdown-it";
import tlds from "tlds";

// markdown-it's link detector (linkify-it), with every top-level domain IANA lists (the
// `tlds` package) and the reserved example ones, so "evil.dev" and "evil.example" count too.
const linkify = new MarkdownIt({ linkify: true }).linkify;
linkify.tlds([...tlds, "example", "invalid", "localhost", "test"], false);
linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });

const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Why a (trimmed) organization name is refused, or null. */
export function orgNameProblem(name: string): string | null {
  if (INVISIBLE.test(name)) return "A name cannot contain control or text-direction characters.";
  if (linkify.test(name)) return "A name cannot contain a web or email address: it appears in the invitation emails Cairn sends.";
  return null;
}
