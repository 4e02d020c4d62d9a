import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { orgParamsSchema } from "@/lib/orgs/schema";
import { attemptParamsSchema } from "@/lib/evidence/schema";
import { EVIDENCE_CHECK_RATE_LIMITS } from "./limits";
import { verificationSchema } from "./verification-out";

export const rerunEvidenceCheckEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/o/{orgSlug}/evidence/{attemptId}/github-check",
  operationId: "rerunEvidenceCheck",
  summary: "Check an attempt's GitHub link again",
  description:
    "Asks GitHub again about the attempt's pull request or commit (its author against the hire's linked account, merged or open, the head commit's checks). Answers 202 with the check pending; the result arrives on the attempt. Anyone who sees the attempt may ask (its hire, their mentors, owners and admins); any other id is 404, and a link that is not a GitHub pull request or commit is a 422. At most 2 a minute per person and attempt (429 beyond).",
  tags: ["Evidence"],
  auth: "session",
  permission: "assignment.read",
  params: attemptParamsSchema,
  rateLimits: EVIDENCE_CHECK_RATE_LIMITS,
  response: { status: 202, description: "The check, pending.", schema: verificationSchema },
});

export const githubSettingsSchema = z.object({
  tokenConfigured: z.boolean().meta({ description: "Whether a token is set; the token itself is never returned." }),
  updatedAt: z.date().nullable(),
  apiUrl: z.string().meta({ description: "The GitHub API the checks call (GITHUB_API_URL)." }),
});

// Classic (ghp_…) and fine-grained (github_pat_…) personal tokens, app installation tokens (ghs_…): letters, digits, _.
export const githubTokenSchema = z.strictObject({
  token: z
    .string()
    .trim()
    .min(20, "A GitHub token is at least 20 characters.")
    .max(255, "A GitHub token is at most 255 characters.")
    .regex(/^[A-Za-z0-9_]+$/, "A GitHub token has only letters, digits and underscores.")
    .meta({ description: "A GitHub token that can read the repositories' pull requests, commits and checks." }),
});

const SETTINGS_PATH = "/api/v1/o/{orgSlug}/settings/github";
const SETTINGS_WHO = "Owners only; for anyone else 403, another organization 404.";

export const getGitHubSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: SETTINGS_PATH,
  operationId: "getGitHubSettings",
  summary: "The organization's GitHub settings",
  description: `Whether a GitHub token is set for checking evidence in private repositories (never the token). ${SETTINGS_WHO}`,
  tags: ["Organizations"],
  auth: "session",
  permission: "org.update",
  params: orgParamsSchema,
  response: { status: 200, description: "The settings.", schema: githubSettingsSchema },
});

export const setGitHubTokenEndpoint = defineEndpoint({
  method: "PUT",
  path: SETTINGS_PATH,
  operationId: "setGitHubToken",
  summary: "Set the organization's GitHub token",
  description: `Stores the token sealed; evidence checks then call GitHub with it (without one they are anonymous and see public repositories only). Records organization.github_token_set. ${SETTINGS_WHO}`,
  tags: ["Organizations"],
  auth: "session",
  permission: "org.update",
  params: orgParamsSchema,
  body: githubTokenSchema,
  response: { status: 200, description: "The settings.", schema: githubSettingsSchema },
});

export const removeGitHubTokenEndpoint = defineEndpoint({
  method: "DELETE",
  path: SETTINGS_PATH,
  operationId: "removeGitHubToken",
  summary: "Remove the organization's GitHub token",
  description: `Checks become anonymous again. Records organization.github_token_removed when there was one. ${SETTINGS_WHO}`,
  tags: ["Organizations"],
  auth: "session",
  permission: "org.update",
  params: orgParamsSchema,
  response: { status: 200, description: "The settings.", schema: githubSettingsSchema },
});
