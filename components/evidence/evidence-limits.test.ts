import { describe, expect, it } from "vitest";
import { EVIDENCE_LINK_MAX_LENGTH } from "@/lib/evidence/evidence-link";
import { MARKDOWN_MAX_LENGTH } from "@/lib/markdown/render-markdown";
import { MAX_EVIDENCE_LINK, MAX_EVIDENCE_TEXT } from "./evidence-limits";

describe("evidence limits", () => {
  it("match the server's", () => {
    expect(MAX_EVIDENCE_TEXT).toBe(MARKDOWN_MAX_LENGTH);
    expect(MAX_EVIDENCE_LINK).toBe(EVIDENCE_LINK_MAX_LENGTH);
  });
});
