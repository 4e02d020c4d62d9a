import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MiB, expectLinearTime } from "@/lib/testing/linear-time";
import { contentDisposition, downloadHeaders, encodeRfc5987, safeDownloadName } from "./download-headers";

describe("safeDownloadName", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\report.pdf", "report.pdf"],
    ['a"b;c\'d.txt', "a_b_c_d.txt"],
    ["what? <why>|*:.txt", "what_ _why____.txt"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["line\r\nbreak\u0000.txt", "linebreak.txt"],
    ["zero\u200Bwidth\uFEFF.md", "zerowidth.md"],
    ["  spaced   out  .txt  ", "spaced out .txt"],
    ["report.exe. . ", "report.exe"],
    [".env", "env"],
    ["CON.txt", "_CON.txt"],
    ["lpt1", "_lpt1"],
    ["", "file"],
    ["...", "file"],
    ["/", "file"],
    ["re\u0301sume\u0301.pdf", "résumé.pdf"],
  ])("makes %j safe: %j", (name, expected) => {
    expect(safeDownloadName(name)).toBe(expected);
  });

  it("appends the content's extension when the name says otherwise", () => {
    expect(safeDownloadName("report.pdf", "txt")).toBe("report.pdf.txt");
    expect(safeDownloadName("photo.png", "jpg")).toBe("photo.png.jpg");
    expect(safeDownloadName("photo.JPEG", "jpg")).toBe("photo.JPEG");
    expect(safeDownloadName("README", "txt")).toBe("README.txt");
    expect(safeDownloadName("notes.md", "md")).toBe("notes.md");
  });

  it("keeps names to 120 characters, cutting the stem and never a character in half", () => {
    const long = safeDownloadName(`${"😀".repeat(200)}.pdf`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith("😀.pdf")).toBe(true);
    expect([...safeDownloadName("a".repeat(300), "txt")]).toHaveLength(120);
    expect(safeDownloadName("a".repeat(300), "txt").endsWith("a.txt")).toBe(true);
  });
});

describe("safeDownloadName on hostile names", () => {
  it("trims dots and whitespace at both ends as /^[\\s.]+|[\\s.]+$/g did", () => {
    // Characters the earlier steps leave alone, so the trim is all that differs.
    const names = fc.array(fc.constantFrom(".", " ", "\u00a0", "\u2028", "\u3000", "a", "é", "-"), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(names, (name) => {
        const reference = name.replace(/\s+/g, " ").replace(/^[\s.]+|[\s.]+$/g, "");
        expect(safeDownloadName(name)).toBe(reference === "" ? "file" : reference);
      }),
    );
  });

  it("handles a file name of a million dots or ' .' between letters in linear time (quadratic before)", () => {
    expect(expectLinearTime("a, a million dots, a", () => safeDownloadName(`a${".".repeat(MiB)}a`))).toBe(`a${".".repeat(118)}a`);
    expect(expectLinearTime("a, ' .' repeated, a", () => contentDisposition("attachment", `a${" .".repeat(MiB / 2)}a`))).toMatch(/^attachment; filename="a( \.)+/);
  });
});

describe("contentDisposition", () => {
  it("quotes an ASCII name and adds filename* for any other", () => {
    expect(contentDisposition("attachment", "report.pdf")).toBe('attachment; filename="report.pdf"');
    expect(contentDisposition("inline", "résumé (final).pdf")).toBe(
      "inline; filename=\"r_sum_ (final).pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%28final%29.pdf",
    );
    expect(contentDisposition("attachment", 'evil"; filename="x.exe')).toBe('attachment; filename="evil__ filename=_x.exe"');
  });

  it("escapes what RFC 5987 does not allow bare", () => {
    expect(encodeRfc5987("it's (a) *test*.txt")).toBe("it%27s%20%28a%29%20%2Atest%2A.txt");
  });

  it("never lets a name break the header, and filename* always decodes to the safe name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (name) => {
        const header = contentDisposition("attachment", name);
        expect(header).toMatch(/^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"(; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+)?$/);
        const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1];
        if (encoded) expect(decodeURIComponent(encoded)).toBe(safeDownloadName(name));
      }),
      { numRuns: 500 },
    );
  });
});

describe("downloadHeaders", () => {
  it("sends the sniffed type with nosniff and a sandbox, saving PDFs and ZIPs, showing images and text", () => {
    const pdf = downloadHeaders({ name: "report.pdf", mime: "application/pdf", size: 1234 });
    expect(pdf).toMatchObject({
      "Content-Type": "application/pdf",
      "Content-Length": "1234",
      "Content-Disposition": 'attachment; filename="report.pdf"',
      "X-Content-Type-Options": "nosniff",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-store",
    });
    expect(pdf["Content-Security-Policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(downloadHeaders({ name: "shot.png", mime: "image/png", size: 1 })["Content-Disposition"]).toBe('inline; filename="shot.png"');
    expect(downloadHeaders({ name: "notes.md", mime: "text/markdown", size: 1 })["Content-Type"]).toBe("text/markdown; charset=utf-8");
    expect(downloadHeaders({ name: "x.zip", mime: "application/zip", size: 1 })["Content-Disposition"]).toMatch(/^attachment;/);
  });
});
