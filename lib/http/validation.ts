import type { z } from "zod";
import { AppError } from "./errors";
import type { FieldIssue } from "./errors";

/** Flattens zod issues into field paths a client can point at ("body.name", "query.after"). */
export function fieldIssues(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: `${path}.${key}`, message: "Unknown field." }));
    }
    return [{ path, message: issue.message }];
  });
}

export function validationFailed(issues: FieldIssue[]): AppError {
  const count = issues.length === 1 ? "1 field is" : `${issues.length} fields are`;
  return new AppError("VALIDATION_FAILED", `The request is invalid: ${count} wrong.`, { issues });
}

/** Parses input against a schema, throwing a 422 AppError listing every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(fieldIssues(result.error, prefix));
  return result.data;
}

/** URLSearchParams → object; a repeated key becomes an array. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}
