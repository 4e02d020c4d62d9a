import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { assertDraft } from "./assert-draft";

describe("assertDraft", () => {
  it("lets a draft through", () => {
    expect(() => assertDraft({ number: 3, status: "DRAFT" })).not.toThrow();
  });

  it("refuses a published version with a 409 naming its number", () => {
    let thrown: unknown;
    try {
      assertDraft({ number: 2, status: "PUBLISHED" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.code).toBe("CONFLICT");
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Version 2 is published/);
    expect(error.details).toEqual({ number: 2, status: "PUBLISHED" });
  });
});
