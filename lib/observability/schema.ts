import { z } from "zod";

export const livenessSchema = z.object({
  status: z.literal("ok"),
  uptimeSeconds: z.number(),
});

export const readinessSchema = z.object({
  status: z.literal("ready"),
  checks: z.object({ database: z.object({ status: z.literal("up"), latencyMs: z.number() }) }),
});
