import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MiB, expectLinearTime } from "@/lib/testing/linear-time";
import { escapeHtml, html, safeUrl } from "./html";
import { linksIn } from "./mailbox";

describe("the html template tag", () => {
  it("escapes interpolated strings and numbers, and keeps nested html templates as they are", () => {
    const name = `Tom & "Jerry" <script>`;
    const item = (label: string) => html`<li>${label}</li>`;
    const rendered = html`<p title="${name}">${name} has ${3} items</p><ul>${["a<b", "c"].map(item)}</ul>${null}${undefined}${false}`;
    expect(rendered.value).toBe(
      `<p title="Tom &amp; &quot;Jerry&quot; &lt;script&gt;">Tom &amp; &quot;Jerry&quot; &lt;script&gt; has 3 items</p><ul><li>a&lt;b</li><li>c</li></ul>`,
    );
  });

  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("accepts only absolute http(s) URLs for links", () => {
    expect(safeUrl("https://cairn.example.com/reset-password?token=a_b-c")).toBe("https://cairn.example.com/reset-password?token=a_b-c");
    for (const bad of ["javascript:alert(1)", "data:text/html,<b>x</b>", "/relative", "not a url"]) expect(() => safeUrl(bad)).toThrow();
  });
});

describe("links in a plain-text email (the mailbox lists them)", () => {
  it("finds each http(s) link once, without trailing punctuation", () => {
    const text = "Open http://localhost:3000/reset-password?token=abc_1-2.\nOr https://cairn.test/a, then http://localhost:3000/reset-password?token=abc_1-2 again. ftp://nope";
    expect(linksIn(text)).toEqual(["http://localhost:3000/reset-password?token=abc_1-2", "https://cairn.test/a"]);
  });

  it("trims the punctuation of a link as /[.,;:!?)]+$/ did, in linear time", () => {
    const marks = fc.array(fc.constantFrom(".", ",", ";", ":", "!", "?", ")", "a", "/"), { maxLength: 12 }).map((parts) => `http://x.test/${parts.join("")}`);
    fc.assert(
      fc.property(marks, (link) => {
        const expected = link.replace(/[.,;:!?)]+$/, "");
        expect(linksIn(link)).toEqual(URL.canParse(expected) ? [expected] : []);
      }),
    );
    // The killer input: a long run of marks that does not end the link (quadratic before).
    expect(expectLinearTime("a link with a million dots inside", () => linksIn(`http://x.test/${".".repeat(MiB)}a`))).toHaveLength(1);
  });
});
