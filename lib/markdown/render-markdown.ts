/**
 * Markdown typed by users (evidence notes, review comments, thread comments) → HTML that is safe
 * to put in the page with dangerouslySetInnerHTML. Two layers: markdown-it with
 * raw HTML off turns any tag a user types into visible text, and sanitize-html
 * then keeps only an allow-list of elements and attributes, with absolute
 * http(s)/mailto links only, so a flaw in one layer is not enough for a payload
 * to run (docs/decisions/0009-evidence-content-safety.md).
 */
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/** Longer text is refused by the API's schemas; rendering truncates defensively (never throws). */
export const MARKDOWN_MAX_LENGTH = 20_000;

/**
 * Names this renderer in stored HTML (ItemComment.bodyHtml, EvidenceAttempt.noteHtml and
 * reviewCommentHtml): a row another renderer made is rendered again when read
 * (lib/markdown/stored-html.ts). Bump the leading revision whenever the rules below change;
 * the versions of markdown-it and sanitize-html are part of it and a unit test holds them to
 * package.json, so upgrading either (a sanitizer fix, say) re-renders every stored row too.
 */
export const MARKDOWN_RENDERER = "cairn-1;markdown-it@15.0.3;sanitize-html@2.18.1";

// html: false escapes typed tags. linkify turns a typed "https://…" into a link, but
// fuzzy matching is off: "example.com" stays text, so only what names its scheme is linked.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

// No <img>: a picture would load from a third-party host when the mentor opens the page
// (telling it who read the note, and when), and the CSP (img-src 'self') blocks it anyway.
// An image becomes a link to it, labelled with its alt text; the sanitizer vets the address.
markdown.renderer.rules.image = (tokens, index, options, env, renderer) => {
  const token = tokens[index]!;
  const src = String(token.attrGet("src") ?? "");
  const label = renderer.renderInlineAsText(token.children ?? [], options, env) || src;
  return `<a href="${markdown.utils.escapeHtml(src)}">${markdown.utils.escapeHtml(label)}</a>`;
};

const ABSOLUTE_LINK = /^(https?:\/\/|mailto:)/i;
const TEXT_ALIGN = { "text-align": [/^(left|right|center)$/] };

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "span"],
    ...["h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"],
  ],
  allowedAttributes: { a: ["href", "title", "rel", "target"], ol: ["start"], th: ["style"], td: ["style"] },
  allowedStyles: { th: TEXT_ALIGN, td: TEXT_ALIGN },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Anything else is shown as text, never dropped silently: what the author typed stays readable.
  disallowedTagsMode: "escape",
  transformTags: {
    // Headings sit inside a card: # and ## come out no bigger than ###.
    h1: "h3",
    h2: "h3",
    // A link goes to an absolute http(s) or mailto address, or it is plain text: a relative
    // path (/admin, %6Aavascript:…) would resolve against our own origin. Every link opens in a
    // new tab (the reviewer keeps their place) without window.opener (no reverse tabnabbing),
    // without a Referer (our URLs name organizations and assignments), and nofollow (user content).
    a: (tagName, attribs) => {
      const href = attribs.href?.trim();
      if (href === undefined || !ABSOLUTE_LINK.test(href)) return { tagName: "span", attribs: {} };
      return { tagName, attribs: { ...attribs, href, rel: "noopener noreferrer nofollow", target: "_blank" } };
    },
  },
};

/** Sanitized HTML for a user's markdown; at most MARKDOWN_MAX_LENGTH characters of it are rendered. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source.slice(0, MARKDOWN_MAX_LENGTH)), SANITIZE).trim();
}
