import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALLOWED_FILE_MIMES, MAX_ATTEMPT_BYTES, MAX_FILE_BYTES, MAX_FILES_PER_ATTEMPT, checkAttemptFiles, extensionOf, formatBytes, sniffFileType } from "./file-types";

/** Bytes from numbers and ASCII strings, padded with zeros to `length`. */
function bytes(parts: (number[] | string)[], length = 64): Uint8Array {
  const flat = parts.flatMap((part) => (typeof part === "string" ? [...part].map((char) => char.charCodeAt(0)) : part));
  const out = new Uint8Array(Math.max(length, flat.length));
  out.set(flat);
  return out;
}
const text = (value: string) => new TextEncoder().encode(value);

const PNG = bytes([[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"]);
const JPEG = bytes([[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF"]);
const GIF = bytes(["GIF89a", [1, 0, 1, 0]]);
const WEBP = bytes(["RIFF", [0x24, 0, 0, 0], "WEBPVP8 "]);
const PDF = text("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
const ZIP = bytes([[0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], "readme.txt"]);
const EMPTY_ZIP = bytes([[0x50, 0x4b, 0x05, 0x06]], 22);
const ELF = bytes([[0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]]);
const PE = bytes([[0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]], 128);
const MACH_O = bytes([[0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]]);
const WASM = bytes([[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]]);

describe("sniffFileType", () => {
  it.each([
    ["screenshot.png", PNG, "image/png", "png"],
    ["photo.jpg", JPEG, "image/jpeg", "jpg"],
    ["anim.gif", GIF, "image/gif", "gif"],
    ["pic.webp", WEBP, "image/webp", "webp"],
    ["report.pdf", PDF, "application/pdf", "pdf"],
    ["project.zip", ZIP, "application/zip", "zip"],
    ["empty.zip", EMPTY_ZIP, "application/zip", "zip"],
  ])("recognises %s by its content", (name, content, mime, extension) => {
    expect(sniffFileType(content, name)).toEqual({ ok: true, mime, extension });
  });

  it("goes by the content, not the name: a JPEG named .png is a JPEG, a PDF named .txt a PDF", () => {
    expect(sniffFileType(JPEG, "photo.png")).toEqual({ ok: true, mime: "image/jpeg", extension: "jpg" });
    expect(sniffFileType(PDF, "notes.txt")).toEqual({ ok: true, mime: "application/pdf", extension: "pdf" });
  });

  it.each([
    ["notes.txt", "text/plain", "txt"],
    ["NOTES.MD", "text/markdown", "md"],
    ["server.log", "text/plain", "log"],
    ["data.json", "text/plain", "json"],
    ["table.csv", "text/plain", "csv"],
    ["main.py", "text/plain", "py"],
    ["index.ts", "text/plain", "ts"],
    ["setup.sh", "text/plain", "sh"],
    // Run on a double-click by a stock desktop (Windows Script Host, a browser …): served as .txt.
    ["app.js", "text/plain", "txt"],
    ["run.bat", "text/plain", "txt"],
    ["page.html", "text/plain", "txt"],
    ["logo.svg", "text/plain", "txt"],
    ["Dockerfile", "text/plain", "txt"],
  ])("takes UTF-8 text named %s as %s, extension %s", (name, mime, extension) => {
    expect(sniffFileType(text("# Notes\n\nI wrote **tests**. Ünïcödé ✓\n"), name)).toEqual({ ok: true, mime, extension });
  });

  it("accepts a UTF-8 byte order mark and text that happens to start like a signature", () => {
    expect(sniffFileType(new Uint8Array([0xef, 0xbb, 0xbf, ...text("hello")]), "a.txt")).toMatchObject({ ok: true, mime: "text/plain" });
    expect(sniffFileType(text("MZ is the DOS header's magic.\n"), "notes.md")).toMatchObject({ ok: true, mime: "text/markdown" });
  });

  it("takes a shebang script for the text it is, served under a harmless name", () => {
    expect(sniffFileType(text("#!/bin/sh\nrm -rf /tmp/x\n"), "report.pdf")).toEqual({ ok: true, mime: "text/plain", extension: "txt" });
  });

  it.each([
    ["report.pdf", ELF],
    ["report.pdf", PE],
    ["holiday.jpg", MACH_O],
    ["notes.txt", WASM],
  ])("refuses an executable renamed %s", (name, content) => {
    expect(sniffFileType(content, name)).toEqual({ ok: false, message: `${name} is not an allowed file type: its content is an executable.` });
  });

  it("refuses other binary content, naming what is allowed", () => {
    const message = "archive.tar.gz is not an allowed file type. Upload a PDF, an image (PNG, JPEG, GIF or WebP), a ZIP archive or a UTF-8 text file.";
    expect(sniffFileType(bytes([[0x1f, 0x8b, 8, 0]]), "archive.tar.gz")).toEqual({ ok: false, message });
    expect(sniffFileType(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), "latin1.txt")).toMatchObject({ ok: false }); // "café" in Latin-1
    expect(sniffFileType(bytes([[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]), "old.doc")).toMatchObject({ ok: false });
  });

  it("asks for UTF-8 instead of UTF-16, and refuses empty and oversized files", () => {
    expect(sniffFileType(new Uint8Array([0xff, 0xfe, 0x68, 0, 0x69, 0]), "notes.txt")).toEqual({ ok: false, message: "notes.txt is UTF-16 text: save it as UTF-8 and upload it again." });
    expect(sniffFileType(new Uint8Array(), "empty.txt")).toEqual({ ok: false, message: "empty.txt is empty." });
    expect(sniffFileType(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), "big.txt")).toEqual({ ok: false, message: "big.txt is larger than 10 MiB." });
  });

  it("shows the name in its message without the path, control or bidi characters", () => {
    const parsed = sniffFileType(ELF, "C:\\Users\\me\\invoice\u202Efdp.exe\n");
    expect(parsed).toEqual({ ok: false, message: "invoicefdp.exe is not an allowed file type: its content is an executable." });
  });

  it("never accepts bytes that start like an executable and hold a NUL, and accepts only allowed types", () => {
    const executable = fc.constantFrom(ELF, PE, MACH_O, WASM).chain((head) => fc.uint8Array({ maxLength: 200 }).map((tail) => new Uint8Array([...head, ...tail])));
    fc.assert(
      fc.property(fc.oneof(executable, fc.uint8Array({ maxLength: 200 })), fc.string(), (content, name) => {
        const parsed = sniffFileType(content, name);
        if (parsed.ok) {
          expect(ALLOWED_FILE_MIMES).toContain(parsed.mime);
          expect(content).not.toContain(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("checkAttemptFiles", () => {
  it("accepts up to the limits", () => {
    expect(MAX_FILES_PER_ATTEMPT).toBe(5);
    expect(MAX_ATTEMPT_BYTES).toBe(25 * 1024 * 1024);
    expect(checkAttemptFiles([])).toEqual({ ok: true });
    expect(checkAttemptFiles([{ name: "a.pdf", size: MAX_FILE_BYTES }, { name: "b.pdf", size: MAX_FILE_BYTES }])).toEqual({ ok: true });
  });

  it("refuses too many files, one too large, or too much together", () => {
    expect(checkAttemptFiles(Array.from({ length: 6 }, (_, index) => ({ name: `${index}.txt`, size: 1 })))).toEqual({ ok: false, message: "Attach at most 5 files to one attempt." });
    expect(checkAttemptFiles([{ name: "../huge.zip", size: MAX_FILE_BYTES + 1 }])).toEqual({ ok: false, message: "huge.zip is larger than 10 MiB." });
    expect(checkAttemptFiles(Array.from({ length: 3 }, () => ({ name: "a.pdf", size: MAX_FILE_BYTES })))).toEqual({
      ok: false,
      message: "The files add up to more than 25 MiB, the limit for one attempt.",
    });
  });
});

describe("helpers", () => {
  it("reads extensions and formats sizes", () => {
    expect(extensionOf("a/b/Report.Final.PDF")).toBe("pdf");
    expect(extensionOf(".env")).toBe("");
    expect(extensionOf("README")).toBe("");
    expect(formatBytes(MAX_FILE_BYTES)).toBe("10 MiB");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(12)).toBe("12 bytes");
  });
});
