/**
 * The query fields every cursor-paginated list shares: `limit` (bounded, with a
 * default) and `cursor` (opaque; the list's own decoder turns it back into a
 * position, and a cursor it cannot read is a 422 on query.cursor).
 */
import { z } from "zod";

export function pageQueryFields<Position>(options: { noun: string; max: number; default: number; decode: (cursor: string) => Position | null }) {
  return {
    limit: z.coerce
      .number()
      .int("Use a whole number.")
      .min(1, `Ask for at least 1 ${options.noun}.`)
      .max(options.max, `Ask for at most ${options.max} ${options.noun}s.`)
      .default(options.default),
    cursor: z
      .string()
      .max(1000)
      .transform((cursor, ctx) => {
        const position = options.decode(cursor);
        if (!position) {
          ctx.addIssue({ code: "custom", message: "Use the nextCursor of a previous page." });
          return z.NEVER;
        }
        return position;
      })
      .optional()
      .meta({ description: "The `nextCursor` of the previous page." }),
  };
}
