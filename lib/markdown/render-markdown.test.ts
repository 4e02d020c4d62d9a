import { readFileSync } from "node:fs";
import fc from "fast-check";
import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { MARKDOWN_MAX_LENGTH, MARKDOWN_RENDERER, renderMarkdown } from "./render-markdown";

/** Classic XSS payloads (after OWASP's filter-evasion cheat sheet), as a user could type them in a note. */
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  "<IMG SRC=\"jav&#x09;ascript:alert(1);\">",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<body onload=alert(1)>",
  "<iframe src=\"javascript:alert(1)\"></iframe>",
  "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
  "<a href=\"  javascript:alert(1)\">x</a>",
  "<a href=# onclick=alert(1)>x</a>",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](&#x6A;avascript&#x3A;alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x](java\tscript:alert(1))",
  "[x](\u0001javascript:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x](%6Aavascript:alert(1))",
  "[x](  javascript:alert(1)  )",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](//evil.example/x)",
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  "[x](https://example.com \"title\" onmouseover=alert(1))",
  "[x](https://example.com\" onmouseover=\"alert(1))",
  "<javascript:alert(1)>",
  "javascript:alert(1)",
  "![x](javascript:alert(1))",
  "![x](data:image/png;base64,iVBORw0KGgo=)",
  "![x](x \"onerror=alert(1)\")",
  "![x\" onerror=\"alert(1)](https://example.com/a.png)",
  "<details open ontoggle=alert(1)>",
  "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
  "<style>@import 'http://evil.example/x.css';</style>",
  "<link rel=stylesheet href=\"https://evil.example/x.css\">",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<<script>script>alert(1)<</script>/script>",
  "\"><script>alert(1)</script>",
  "'><img src=x onerror=alert(1)>",
  "<object data=\"javascript:alert(1)\"></object>",
  "<embed src=\"javascript:alert(1)\">",
  "<form action=\"javascript:alert(1)\"><button>x</button></form>",
  "<input autofocus onfocus=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  "<div style=\"background:url(javascript:alert(1))\">x</div>",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
  "<base href=\"javascript:/\">",
  "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
  "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
  "<textarea><script>alert(1)</script></textarea>",
  "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
  "```\n</code></pre><script>alert(1)</script>\n```",
  "`<script>alert(1)</script>`",
  "> <svg/onload=alert(1)>",
  "- [x](javascript:alert(1))\n- <script>alert(1)</script>",
];

/** Every tag in the output. */
const tagsOf = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/gi)].map((match) => match[0]);

/** The output carries no script, no event handler and no address other than http(s)/mailto. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(iframe|object|embed|form|input|style|link|meta|base|svg|math|img|video|source|details|body|textarea|noscript)\b/i);
  for (const tag of tagsOf(html)) {
    expect(tag, html).not.toMatch(/\son\w+\s*=/i);
    expect(tag, html).not.toMatch(/\s(src|action|formaction|xlink:href|srcdoc|data)\s*=/i);
    const hrefs = [...tag.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((match) => match[1]!);
    for (const href of hrefs) expect(href, html).toMatch(/^(https?:\/\/|mailto:)/i);
  }
}

describe("renderMarkdown", () => {
  it(`leaves ${PAYLOADS.length} classic XSS payloads inert`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(PAYLOADS)("leaves %s inert", (payload) => {
    expectInert(renderMarkdown(payload));
  });

  it("shows a typed tag as text the reader can see", () => {
    expect(renderMarkdown("<img src=x onerror=alert(1)>")).toBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    expect(renderMarkdown("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("emits well-formed HTML: parsing and serializing it again changes nothing (no mutation XSS)", () => {
    for (const payload of PAYLOADS) {
      const html = renderMarkdown(payload);
      expect(sanitizeHtml(html, { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true })).toBe(html);
    }
  });

  it("keeps any input inert, including generated mixes of dangerous fragments", () => {
    const fragment = fc.constantFrom(
      "<", ">", "\"", "'", "`", "[x](", ")", "![i](", "<a href=", "javascript:", "JaVaScRiPt:", "&#106;", "&#x3A;", "&colon;", "data:text/html,",
      "vbscript:", "onerror=", " onload=alert(1)", "<script>", "</script>", "<svg", "<img src=x ", "\t", "\n", "\u0000", "\u0001", "**", "```\n", "|", "# ",
      "https://example.com/", "mailto:a@example.com", "&", "%6A", "\\",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(""))), (source) => {
        expectInert(renderMarkdown(source));
      }),
      { numRuns: 500 },
    );
  });

  it("renders ordinary markdown: emphasis, lists, code (escaped), quotes, headings kept small", () => {
    expect(renderMarkdown("I wrote **tests** and _docs_, ~~not~~ yet.")).toBe("<p>I wrote <strong>tests</strong> and <em>docs</em>, <s>not</s> yet.</p>");
    expect(renderMarkdown("- one\n- two")).toBe("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
    expect(renderMarkdown("3. three\n4. four")).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>');
    expect(renderMarkdown("```ts\n<b>x</b> && y\n```")).toBe("<pre><code>&lt;b&gt;x&lt;/b&gt; &amp;&amp; y\n</code></pre>");
    expect(renderMarkdown("Run `npm test`.")).toBe("<p>Run <code>npm test</code>.</p>");
    expect(renderMarkdown("> quoted")).toBe("<blockquote>\n<p>quoted</p>\n</blockquote>");
    expect(renderMarkdown("# Title")).toBe("<h3>Title</h3>");
    expect(renderMarkdown("#### Small")).toBe("<h4>Small</h4>");
  });

  it("renders tables, keeping only the column alignment as style", () => {
    expect(renderMarkdown("| a | b |\n|:--|--:|\n| 1 | 2 |")).toContain('<td style="text-align:right">2</td>');
  });

  it("gives every link rel=noopener noreferrer nofollow and a new tab, and keeps only http(s) and mailto", () => {
    expect(renderMarkdown("[PR](https://github.com/acme/api/pull/42)")).toBe(
      '<p><a href="https://github.com/acme/api/pull/42" rel="noopener noreferrer nofollow" target="_blank">PR</a></p>',
    );
    expect(renderMarkdown("[mail](mailto:a@example.com)")).toContain('href="mailto:a@example.com"');
    expect(renderMarkdown("[ftp](ftp://example.com)")).toBe("<p><span>ftp</span></p>");
    expect(renderMarkdown("[admin](/admin)")).toBe("<p><span>admin</span></p>");
  });

  it("links a typed https:// address, but not a bare domain", () => {
    expect(renderMarkdown("See https://github.com/acme/api/pull/42 please")).toBe(
      '<p>See <a href="https://github.com/acme/api/pull/42" rel="noopener noreferrer nofollow" target="_blank">https://github.com/acme/api/pull/42</a> please</p>',
    );
    expect(renderMarkdown("see example.com")).toBe("<p>see example.com</p>");
  });

  it("turns an image into a link to it, labelled with its alt text", () => {
    expect(renderMarkdown("![the chart](https://example.com/chart.png)")).toBe(
      '<p><a href="https://example.com/chart.png" rel="noopener noreferrer nofollow" target="_blank">the chart</a></p>',
    );
    expect(renderMarkdown("![pixel](data:image/png;base64,iVBORw0KGgo=)")).toBe("<p><span>pixel</span></p>");
  });

  it("renders at most MARKDOWN_MAX_LENGTH characters", () => {
    const html = renderMarkdown("a".repeat(MARKDOWN_MAX_LENGTH + 500));
    expect(html).toBe(`<p>${"a".repeat(MARKDOWN_MAX_LENGTH)}</p>`);
  });

  it("copes with deeply nested or unbalanced input of the largest size", () => {
    for (const source of [">".repeat(MARKDOWN_MAX_LENGTH), "[".repeat(MARKDOWN_MAX_LENGTH), "*a".repeat(MARKDOWN_MAX_LENGTH / 2), "- ".repeat(MARKDOWN_MAX_LENGTH / 2)]) {
      expectInert(renderMarkdown(source));
    }
  });
});

describe("MARKDOWN_RENDERER", () => {
  // Stored HTML made by another renderer is rendered again on read (decision 0020): an upgrade of
  // either library must change the name, or rows would keep HTML the new version would not produce.
  it("names the versions of markdown-it and sanitize-html the project depends on", () => {
    const { dependencies } = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    for (const library of ["markdown-it", "sanitize-html"]) {
      const installed = (JSON.parse(readFileSync(`node_modules/${library}/package.json`, "utf8")) as { version: string }).version;
      expect(dependencies[library], `${library} is pinned to an exact version`).toBe(installed);
      expect(MARKDOWN_RENDERER.split(";"), `bump MARKDOWN_RENDERER for ${library}@${installed}`).toContain(`${library}@${installed}`);
    }
  });
});
