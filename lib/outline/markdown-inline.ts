/**
 * The inline part of the Markdown dialect (decision 0031): what a list item's, heading's or
 * "Links:" line's text reads as. Only three constructs mean anything here:
 *
 * - a backslash before ASCII punctuation: the punctuation itself (`\[` is "[");
 * - a link `[text](address)`, `[text](<address>)`, optionally with a "title" after the address,
 *   and `![alt](address)` read the same way: the text stays, the address is collected;
 * - an autolink `<scheme:…>`: the address is both the text and the link.
 *
 * Everything else (emphasis, code spans, HTML) is kept as written. Scanned by hand in linear time
 * (decision 0015): every attempt at a link stops at the next "[" (the text, a plain address and a
 * title cannot contain one) and every `<…>` stops at the next "<", so no character is looked at by
 * more than a few attempts however the brackets are arranged.
 */

export interface InlineLink {
  /** The link's text with escapes read ("" for `[](…)`); the address for an autolink. */
  text: string;
  /** The address as written, escapes read; not checked. */
  url: string;
  /** 0-based offset of the link's first character in the source. */
  offset: number;
  /** The link is an autolink (`<…>`): it has no text of its own. */
  auto: boolean;
}

export interface Inline {
  /** The text as it reads: escapes resolved, each link replaced by its text. */
  text: string;
  /** What is outside any link (escapes resolved). */
  outside: string;
  links: InlineLink[];
}

/** Link parentheses nested deeper than this are not a link (CommonMark's limit is 32). */
const MAX_PAREN_DEPTH = 32;

export function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/** `\` + punctuation → the punctuation; other backslashes stay. */
export function unescapeMarkdown(text: string): string {
  if (!text.includes("\\")) return text;
  let out = "";
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x5c && i + 1 < text.length && isAsciiPunctuation(text.charCodeAt(i + 1))) {
      out += text.slice(run, i);
      run = i + 1; // keep the punctuation
      i++;
    }
  }
  return out + text.slice(run);
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function skipBlanks(text: string, at: number): number {
  while (at < text.length && isBlank(text.charCodeAt(at))) at++;
  return at;
}

/** A link starting at the "[" at `open`: its end (past ")") and parts, or null. */
function readLink(text: string, open: number): { end: number; label: string; url: string } | null {
  const n = text.length;
  let j = open + 1;
  for (; j < n; j++) {
    const code = text.charCodeAt(j);
    if (code === 0x5c && j + 1 < n && isAsciiPunctuation(text.charCodeAt(j + 1))) j++;
    else if (code === 0x5b) return null; // "[": no nested brackets
    else if (code === 0x5d) break; // "]"
  }
  if (j >= n || text.charCodeAt(j + 1) !== 0x28) return null; // "]("
  const label = text.slice(open + 1, j);
  let k = skipBlanks(text, j + 2);
  let url: string;
  if (text.charCodeAt(k) === 0x3c) {
    // <address>: anything but unescaped "<" and ">".
    let m = k + 1;
    for (; m < n; m++) {
      const code = text.charCodeAt(m);
      if (code === 0x5c && m + 1 < n && isAsciiPunctuation(text.charCodeAt(m + 1))) m++;
      else if (code === 0x3c) return null;
      else if (code === 0x3e) break;
    }
    if (m >= n) return null;
    url = text.slice(k + 1, m);
    k = m + 1;
  } else {
    // A plain address: no blanks, no control characters, no "[", balanced parentheses.
    let depth = 0;
    let m = k;
    for (; m < n; m++) {
      const code = text.charCodeAt(m);
      if (code === 0x5c && m + 1 < n && isAsciiPunctuation(text.charCodeAt(m + 1))) {
        m++;
        continue;
      }
      if (code <= 0x20 || code === 0x7f || code === 0x5b) break;
      if (code === 0x28) {
        if (++depth > MAX_PAREN_DEPTH) return null;
      } else if (code === 0x29) {
        if (depth === 0) break;
        depth--;
      }
    }
    if (depth !== 0) return null;
    url = text.slice(k, m);
    k = m;
  }
  const afterUrl = k;
  k = skipBlanks(text, k);
  const quote = text.charCodeAt(k);
  if (k > afterUrl && (quote === 0x22 || quote === 0x27 || quote === 0x28)) {
    // A title: read past, not kept (a link's text names it).
    const close = quote === 0x28 ? 0x29 : quote;
    let m = k + 1;
    for (; m < n; m++) {
      const code = text.charCodeAt(m);
      if (code === 0x5c && m + 1 < n && isAsciiPunctuation(text.charCodeAt(m + 1))) m++;
      else if (code === 0x5b) return null;
      else if (code === close) break;
    }
    if (m >= n) return null;
    k = skipBlanks(text, m + 1);
  }
  if (text.charCodeAt(k) !== 0x29) return null;
  return { end: k + 1, label: unescapeMarkdown(label), url: unescapeMarkdown(url) };
}

/** An autolink at the "<" at `open`: `<scheme:…>` with no blank or "<" inside. */
function readAutolink(text: string, open: number): { end: number; url: string } | null {
  const n = text.length;
  let m = open + 1;
  for (; m < n; m++) {
    const code = text.charCodeAt(m);
    if (code === 0x3e) break;
    if (code <= 0x20 || code === 0x3c || code === 0x7f) return null;
  }
  if (m >= n) return null;
  const url = text.slice(open + 1, m);
  // A scheme: a letter, then 1 to 31 letters, digits, "+", "." or "-", then ":".
  let s = 0;
  for (; s < url.length && s <= 32; s++) {
    const code = url.charCodeAt(s) | 0x20;
    const letter = code >= 0x61 && code <= 0x7a;
    if (s === 0 ? !letter : !(letter || (url.charCodeAt(s) >= 0x30 && url.charCodeAt(s) <= 0x39) || "+.-".includes(url.charAt(s)))) break;
  }
  if (s < 2 || s > 32 || url.charCodeAt(s) !== 0x3a) return null;
  return { end: m + 1, url };
}

export function parseInline(source: string): Inline {
  const links: InlineLink[] = [];
  const text: string[] = [];
  const outside: string[] = [];
  let run = 0; // start of literal text not yet copied
  const flush = (to: number) => {
    if (to > run) {
      const literal = source.slice(run, to);
      text.push(literal);
      outside.push(literal);
    }
  };
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x5c && i + 1 < n && isAsciiPunctuation(source.charCodeAt(i + 1))) {
      flush(i);
      run = i + 1; // the punctuation is literal text
      i++;
      continue;
    }
    const image = code === 0x21 && source.charCodeAt(i + 1) === 0x5b;
    if (code === 0x5b || image) {
      const open = image ? i + 1 : i;
      const link = readLink(source, open);
      if (link) {
        flush(i);
        text.push(link.label);
        links.push({ text: link.label, url: link.url, offset: i, auto: false });
        run = link.end;
        i = link.end - 1;
        continue;
      }
      continue;
    }
    if (code === 0x3c) {
      const link = readAutolink(source, i);
      if (link) {
        flush(i);
        text.push(link.url);
        links.push({ text: link.url, url: link.url, offset: i, auto: true });
        run = link.end;
        i = link.end - 1;
      }
    }
  }
  flush(n);
  return { text: text.join(""), outside: outside.join(""), links };
}

// ── Writing ────────────────────────────────────────────────────────────────

/** Text that `parseInline` reads back as itself: "\", "[", "]" and "<" escaped (and "#" in headings). */
export function escapeInline(text: string, alsoHash = false): string {
  let out = "";
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c || code === 0x5b || code === 0x5d || code === 0x3c || (alsoHash && code === 0x23)) {
      out += `${text.slice(run, i)}\\`;
      run = i;
    }
  }
  return out + text.slice(run);
}

function balancedParentheses(url: string): boolean {
  let depth = 0;
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code === 0x28 && ++depth > MAX_PAREN_DEPTH) return false;
    if (code === 0x29 && --depth < 0) return false;
  }
  return depth === 0;
}

/** An address as a link destination that reads back as itself. */
export function linkDestination(url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters end a plain address
  if (url !== "" && !/[\s\u0000-\u001f\u007f[\]<>\\]/.test(url) && balancedParentheses(url)) return url;
  let out = "<";
  for (const char of url) out += char === "<" || char === ">" || char === "\\" ? `\\${char}` : char;
  return `${out}>`;
}

/** A link that reads back as `{ title, url }`: `[title](url)`, or `<url>` / `[](url)` without a title. */
export function writeLink(resource: { title?: string; url: string }): string {
  if (resource.title) return `[${escapeInline(resource.title)}](${linkDestination(resource.url)})`;
  const auto = readAutolink(`<${resource.url}>`, 0);
  if (auto && auto.url === resource.url) return `<${resource.url}>`;
  return `[](${linkDestination(resource.url)})`;
}
