/** Which emails a user gets; in-app notifications always arrive. */
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { SessionContext } from "@/lib/http/handle";

export const emailPreferencesSchema = z.object({
  evidenceSubmitted: z.boolean().meta({ description: "As a mentor: evidence arrived to review (at most one email per 10 minutes)." }),
  reviewDone: z.boolean().meta({ description: "As a hire: a mentor reviewed my evidence." }),
  reviewDigest: z.boolean().meta({ description: "As a mentor: a daily digest of evidence waiting over 24 hours." }),
});

export const updateEmailPreferencesSchema = emailPreferencesSchema
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, "Send at least one preference to change.");

const select = { emailOnEvidenceSubmitted: true, emailOnReviewDone: true, emailReviewDigest: true } as const;
const toOut = (row: { emailOnEvidenceSubmitted: boolean; emailOnReviewDone: boolean; emailReviewDigest: boolean }) => ({
  evidenceSubmitted: row.emailOnEvidenceSubmitted,
  reviewDone: row.emailOnReviewDone,
  reviewDigest: row.emailReviewDigest,
});

export async function getEmailPreferences(ctx: SessionContext) {
  return toOut(await getDb().user.findUniqueOrThrow({ where: { id: ctx.user.id }, select }));
}

export async function updateEmailPreferences(ctx: SessionContext, input: z.output<typeof updateEmailPreferencesSchema>) {
  const row = await getDb().user.update({
    where: { id: ctx.user.id },
    data: { emailOnEvidenceSubmitted: input.evidenceSubmitted, emailOnReviewDone: input.reviewDone, emailReviewDigest: input.reviewDigest },
    select,
  });
  ctx.log.info({ preferences: input }, "email preferences changed");
  return toOut(row);
}
