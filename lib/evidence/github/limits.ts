import type { EndpointRateLimit } from "@/lib/http/endpoint";

/** "Check again": two a minute per person and attempt (each is up to four GitHub calls), and a ceiling per person. */
export const EVIDENCE_CHECK_RATE_LIMITS = [
  {
    name: "github-check:attempt:minute",
    points: 2,
    durationSeconds: 60,
    key: ({ userId, params }: { userId: string | null; params: { attemptId: string } }) => `user:${userId}:attempt:${params.attemptId}`,
  },
  { name: "github-check:user:hour", points: 60, durationSeconds: 3600, key: ({ userId }: { userId: string | null }) => `user:${userId}` },
] satisfies EndpointRateLimit<{ userId: string | null; params: { attemptId: string } }>[];
