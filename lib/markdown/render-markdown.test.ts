import { describe, expect, it } from "vitest";
import { MARKDOWN_MAX_LENGTH, renderMarkdown } from "./render-markdown";

/** Classic XSS payloads (after OWASP's filter-evasion cheat sheet), as a user could type them in a note. */
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<body onload=alert(1)>",
  "<iframe src=\"javascript:alert(1)\"></iframe>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](java\tscript:alert(1))",
  "[x](%6Aavascript:alert(1))",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "<javascript:alert(1)>",
  "![x](javascript:alert(1))",
  "![x](x \"onerror=alert(1)\")",
  "<details open ontoggle=alert(1)>",
  "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
  "<style>@import 'http://evil.example/x.css';</style>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "\"><script>alert(1)</script>",
  "<object data=\"javascript:alert(1)\"></object>",
  "<embed src=\"javascript:alert(1)\">",
  "<form action=\"javascript:alert(1)\"><button>x</button></form>",
  "<input autofocus onfocus=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  "<a href=\"  javascript:alert(1)\">x</a>",
  "[x](  javascript:alert(1)  )",
  "<div style=\"background:url(javascript:alert(1))\">x</div>",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
];

/** Every tag in the output, and every URL-bearing attribute value. */
const tagsOf = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/gi)].map((match) => match[0]);

describe("renderMarkdown", () => {
  it.each(PAYLOADS)("leaves %s inert", (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(iframe|object|embed|form|input|style|meta|svg|math|img|video|source|details|body)\b/i);
    for (const tag of tagsOf(html)) {
      expect(tag, html).not.toMatch(/\son\w+\s*=/i);
      const urls = [...tag.matchAll(/\s(?:href|src|action|xlink:href)\s*=\s*"([^"]*)"/gi)].map((match) => match[1]!);
      for (const url of urls) expect(url, html).toMatch(/^(https?:|mailto:)/i);
    }
  });

  it("shows a typed tag as text the reader can see", () => {
    const html = renderMarkdown("<img src=x onerror=alert(1)>");
    expect(html).toBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
  });

  it("renders ordinary markdown: emphasis, lists, code (escaped), headings kept small", () => {
    expect(renderMarkdown("I wrote **tests** and _docs_.")).toBe("<p>I wrote <strong>tests</strong> and <em>docs</em>.</p>");
    expect(renderMarkdown("- one\n- two")).toBe("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
    expect(renderMarkdown("```\n<b>x</b> && y\n```")).toBe("<pre><code>&lt;b&gt;x&lt;/b&gt; &amp;&amp; y\n</code></pre>");
    expect(renderMarkdown("# Title")).toBe("<h3>Title</h3>");
  });

  it("gives every link rel=noopener noreferrer and a new tab, and keeps only http(s) and mailto", () => {
    expect(renderMarkdown("[PR](https://github.com/acme/api/pull/42)")).toBe(
      '<p><a href="https://github.com/acme/api/pull/42" rel="noopener noreferrer nofollow" target="_blank">PR</a></p>',
    );
    expect(renderMarkdown("[mail](mailto:a@example.com)")).toContain('href="mailto:a@example.com"');
    expect(renderMarkdown("[ftp](ftp://example.com)")).not.toContain("href");
  });

  it("renders at most MARKDOWN_MAX_LENGTH characters", () => {
    const html = renderMarkdown("a".repeat(MARKDOWN_MAX_LENGTH + 500));
    expect(html).toBe(`<p>${"a".repeat(MARKDOWN_MAX_LENGTH)}</p>`);
  });
});
