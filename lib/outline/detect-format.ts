/**
 * Which format pasted or uploaded roadmap text is in, when the user did not say (decision 0031).
 * A line of "===" is a text-format section banner, so any file with one is the text format. A
 * file without one is Markdown when a line shows it: a `##`…`######` heading, a `#` heading below
 * other content (the text format allows `#` lines only at the top), a task box (`- [ ]`), a
 * numbered item, or a link (`](`). Anything else, a plain bulleted list under a `#` title, reads
 * the same in both, and is the text format. One pass over the lines, no regular expression.
 */
import { splitLines } from "./text";

export type OutlineFormatName = "text" | "markdown";

export function detectOutlineFormat(text: string): OutlineFormatName {
  let markdown = false;
  let seenContent = false;
  for (const raw of splitLines(text.startsWith("\uFEFF") ? text.slice(1) : text).lines) {
    let start = 0;
    while (start < raw.length && (raw.charCodeAt(start) === 0x20 || raw.charCodeAt(start) === 0x09)) start++;
    if (start === raw.length) continue;
    const first = raw.charAt(start);
    if (first === "=" && start === 0) {
      let end = 0;
      while (end < raw.length && raw.charAt(end) === "=") end++;
      if (end >= 3 && raw.slice(end).trim() === "") return "text";
    }
    if (markdown) continue;
    if (first === "#" && start === 0) {
      if (raw.startsWith("## ") || raw.startsWith("###") || seenContent) markdown = true;
      continue;
    }
    seenContent = true;
    const rest = raw.slice(start);
    if (/^[-*+] \[[ xX]\]( |$)/.test(rest) || /^\d{1,9}[.)] /.test(rest) || rest.includes("](")) markdown = true;
  }
  return markdown ? "markdown" : "text";
}
