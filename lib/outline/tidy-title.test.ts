import { describe, expect, it } from "vitest";
import { parseOutline } from "./parse";
import { tidyDocument, tidyTitle } from "./tidy-title";

describe("tidyTitle", () => {
  it("turns shouted words into Title case and keeps the acronyms", () => {
    expect(tidyTitle("PYTHON BACKEND ROADMAP")).toBe("Python Backend Roadmap");
    expect(tidyTitle("LEARN HTTP AND REST APIS")).toBe("Learn HTTP and REST APIS");
    expect(tidyTitle("JWT AUTHENTICATION WITH AN ORM")).toBe("JWT Authentication with an ORM");
    expect(tidyTitle("CI/CD PIPELINES")).toBe("CI/CD Pipelines");
    expect(tidyTitle("SQL, NOSQL AND CAP")).toBe("SQL, NOSQL and CAP");
  });

  it("keeps short shouted tokens that are not common words, and lowercases small words mid-title", () => {
    expect(tidyTitle("THE GIL AND ASYNCIO")).toBe("The GIL and Asyncio");
    expect(tidyTitle("USE K8S ON GKE")).toBe("Use K8S on GKE");
    expect(tidyTitle("WHAT IS A VPN?")).toBe("What is a VPN?");
    expect(tidyTitle("A TOUR OF GO")).toBe("A Tour of Go");
  });

  it("leaves mixed and lower case alone, word by word", () => {
    expect(tidyTitle("Intro to Docker")).toBe("Intro to Docker");
    expect(tidyTitle("iPhone and macOS builds")).toBe("iPhone and macOS builds");
    expect(tidyTitle("Deploy with DOCKER COMPOSE")).toBe("Deploy with Docker Compose");
    expect(tidyTitle("Read the FastAPI docs (optional)")).toBe("Read the FastAPI docs (optional)");
  });

  it("strips emoji and decorative symbols, then collapses whitespace and dangling separators", () => {
    expect(tidyTitle("🐍 PYTHON BACKEND ROADMAP 🚀")).toBe("Python Backend Roadmap");
    expect(tidyTitle("🚀 — DEPLOYING")).toBe("Deploying");
    expect(tidyTitle("★★ Testing   basics ✔")).toBe("Testing basics");
    expect(tidyTitle("👩🏽‍💻 Pair programming")).toBe("Pair programming");
    expect(tidyTitle("  Spaces\tand   tabs  ")).toBe("Spaces and tabs");
    expect(tidyTitle("🇫🇷 Localisation")).toBe("Localisation");
  });

  it("keeps numbers, punctuation and marks that belong to names", () => {
    expect(tidyTitle("TOP 10 TIPS: PART 2")).toBe("Top 10 Tips: Part 2");
    expect(tidyTitle("HTTP2 AND S3")).toBe("HTTP2 and S3");
    expect(tidyTitle("DON'T REPEAT YOURSELF")).toBe("Don't Repeat Yourself");
    expect(tidyTitle("C++ AND C# (OPTIONAL)")).toBe("C++ and C# (Optional)");
    expect(tidyTitle("REST → GRAPHQL")).toBe("REST → Graphql");
    expect(tidyTitle("Java™ and Node.js®")).toBe("Java™ and Node.js®");
    expect(tidyTitle("Ship v1.2.0 — then iterate")).toBe("Ship v1.2.0 — then iterate");
  });

  it("never leaves a title empty: an emoji-only or symbol-only title keeps its original text", () => {
    expect(tidyTitle("🎉")).toBe("🎉");
    expect(tidyTitle("🚀 ✨ 🎉")).toBe("🚀 ✨ 🎉");
    expect(tidyTitle("★ — ★")).toBe("★ — ★");
  });

  it("is stable: tidying a tidy title changes nothing", () => {
    for (const title of ["🐍 PYTHON BACKEND ROADMAP 🚀", "LEARN HTTP AND REST APIS", "WHAT IS A VPN?", "Intro to Docker"]) {
      expect(tidyTitle(tidyTitle(title))).toBe(tidyTitle(title));
    }
  });
});

describe("tidyDocument", () => {
  it("tidies the # title, every section and every item at any depth, and nothing else", () => {
    const text = ["# 🐍 PYTHON ROADMAP", "", "=====", "🧱 THE BASICS", "=====", "- VARIABLES AND TYPES", "  Keep NOTES as written.", "  - 🔁 LOOPS (optional)", ""].join("\n");
    const parsed = parseOutline(text);
    if (!parsed.ok) throw new Error("the fixture parses");
    const tidy = tidyDocument(parsed.document);
    expect(tidy.title).toBe("Python Roadmap");
    expect(tidy.sections[0]!.title).toBe("The Basics");
    const item = tidy.sections[0]!.items[0]!;
    expect(item.title).toBe("Variables and Types");
    expect(item.description).toBe(parsed.document.sections[0]!.items[0]!.description);
    expect(item.children[0]!.title).toBe("Loops (optional)");
    expect(item.children[0]!.optional).toBe(true);
    // The parsed document is left as it was.
    expect(parsed.document.sections[0]!.title).toBe("🧱 THE BASICS");
  });
});
