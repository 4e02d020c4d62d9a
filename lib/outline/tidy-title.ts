/**
 * "Tidy titles", offered in the import preview and never applied unless asked for (issue 18):
 * roadmaps found on the web shout ("🐍 PYTHON BACKEND ROADMAP 🚀"). Tidying strips emoji and
 * decorative symbols, turns SHOUTED words into Title case while keeping acronyms (HTTP, SQL,
 * JWT, …), and collapses whitespace. Pure: the preview shows before → after with it and the
 * import runs the same function on the server.
 */
import type { OutlineDocument, OutlineItem } from "./types";

/** Acronyms longer than the short-token rule below, and short ones worth naming. */
const ACRONYMS = new Set(
  (
    "API APIS HTTP HTTPS SQL NOSQL JWT ORM CI CD REST JSON YAML TOML XML HTML CSS SCSS JS TS URL URLS URI DNS TCP UDP IP SSH SSL TLS " +
    "AWS GCP CLI GUI UI UX OS VM VMS DB CRUD CORS CSRF XSS MVC SDK IDE PR PRS QA TDD BDD DDD OOP ASGI WSGI GIL PEP CPU GPU RAM " +
    "SPA SSR SSG CDN SMTP IMAP LDAP SAML SSO MFA OTP RBAC ACID CAP DTO SOLID DRY KISS YAGNI GRPC RPC MQ SQS SNS IAM VPC SLA SLO SLI " +
    "ETL LLM AI ML NLP OKR KPI FAQ PDF CSV UTF ASCII UUID ID IDS README WCAG ARIA DOM SVG PNG JPEG NPM SEO PWA WASM GNU POSIX"
  ).split(" "),
);

/** Short words that are words, not acronyms: in a shouted title they are Title-cased (or lowercased mid-title, below). */
const COMMON_SHORT = new Set(
  (
    "A AN THE AND OR NOR BUT OF TO IN ON AT BY FOR AS IS IT BE DO GO IF UP MY WE NO SO US YOU ARE NOT ALL ANY CAN GET SET USE NEW HOW " +
    "WHY WHO OUT OFF OWN ONE TWO TEN DAY WAY RUN ADD FIX TOP KEY LOG MAP VIA PER YET NOW HER HIS ITS OUR BIG END TRY SEE ASK"
  ).split(" "),
);

/** Lowercased inside a title (not as its first word): "LEARN THE BASICS OF SQL" → "Learn the Basics of SQL". */
const MINOR = new Set("a an the and or nor but of to in on at by for as is vs via per with from into".split(" "));

/** A shouted word this short that is not a common word is taken for an acronym ("K8S", "GO" aside). */
const SHORT_TOKEN = 3;

// Emoji (with their joiners, variation selectors, skin tones and keycaps) and other pictographs
// and dingbats (★ ✔ ➜ ■). ©, ®, ™ and ° are kept: they are part of a name, not decoration.
const DECORATION = /(?![©®™°])[\p{Extended_Pictographic}\p{So}\p{Emoji_Modifier}\p{Regional_Indicator}]|\u200D|\uFE0E|\uFE0F|\u20E3/gu;
// Separators left dangling at either end once an emoji is gone: "🚀 — DEPLOYING" → "— DEPLOYING" → "DEPLOYING".
const EDGE_SEPARATORS = /^[\s\p{Pd}|·•:*~_]+|[\s\p{Pd}|·•*~_]+$/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function tidyCase(title: string): string {
  let first = true;
  return title.replace(WORD, (word) => {
    const isFirst = first;
    first = false;
    // Mixed or lower case is the author's: untouched. So is anything with a digit (S3, HTTP2, K8S).
    if (/\p{Ll}/u.test(word) || /\p{N}/u.test(word)) return word;
    const letters = word.replace(/['’]/g, "");
    if (ACRONYMS.has(letters)) return word;
    if (letters.length <= SHORT_TOKEN && letters.length > 1 && !COMMON_SHORT.has(letters)) return word;
    const lower = word.toLowerCase();
    if (!isFirst && MINOR.has(lower)) return lower;
    // "I" stays "I"; everything else gets its capital back.
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
}

/**
 * The tidied title, or the title itself when tidying would leave nothing (an emoji-only title
 * keeps its emoji rather than becoming empty).
 */
export function tidyTitle(title: string): string {
  const stripped = title.replace(DECORATION, " ").replace(/\s+/g, " ").replace(EDGE_SEPARATORS, "");
  if (!/[\p{L}\p{N}]/u.test(stripped)) return title;
  return tidyCase(stripped);
}

/** The document with every title tidied (its `#` title, sections and items at every depth); the rest is as parsed. */
export function tidyDocument(document: OutlineDocument): OutlineDocument {
  const items = (list: readonly OutlineItem[]): OutlineItem[] => list.map((item) => ({ ...item, title: tidyTitle(item.title), children: items(item.children) }));
  return {
    ...document,
    title: document.title === null ? null : tidyTitle(document.title),
    sections: document.sections.map((section) => ({ ...section, title: tidyTitle(section.title), items: items(section.items) })),
    items: items(document.items),
  };
}
