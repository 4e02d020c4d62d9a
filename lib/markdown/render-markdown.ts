/**
 * Markdown typed by users (evidence notes, review comments) → HTML that is safe
 * to put in the page. Two layers: markdown-it with raw HTML off turns any tag a
 * user types into visible text, and sanitize-html then keeps only an allow-list
 * of elements and attributes, with http(s)/mailto links only, so a flaw in one
 * layer is not enough for a payload to run (docs/decisions/0009-evidence-content-safety.md).
 */
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/** Longer text is refused by the API's schemas; rendering truncates defensively. */
export const MARKDOWN_MAX_LENGTH = 20_000;

// html: false escapes typed tags; linkify off: an address becomes a link only when written as one.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title", "rel", "target"], ol: ["start"], th: ["style"], td: ["style"] },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    // Headings sit inside a card: # and ## come out no bigger than ###.
    h1: "h3",
    h2: "h3",
    // Every link opens apart from the page and tells the target nothing about it.
    // A link goes to an absolute http(s) or mailto address or nowhere: no relative paths that only look like a scheme (%6Aavascript:).
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      const absolute = href !== undefined && /^(https?:\/\/|mailto:)/i.test(href.trim());
      return { tagName, attribs: { ...rest, ...(absolute ? { href: href.trim() } : {}), rel: "noopener noreferrer nofollow", target: "_blank" } };
    },
  },
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source.slice(0, MARKDOWN_MAX_LENGTH)), SANITIZE).trim();
}
