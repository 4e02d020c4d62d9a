import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";

export const myGitHubSchema = z.object({
  linked: z
    .object({ id: z.number().meta({ description: "GitHub's numeric user id." }), login: z.string(), linkedAt: z.date() })
    .nullable()
    .meta({ description: "The linked GitHub account; null when none is." }),
  linkAvailable: z.boolean().meta({ description: "Whether this server offers linking (GitHub sign-in is configured)." }),
});

export const getMyGitHubEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me/github",
  operationId: "getMyGitHub",
  summary: "Your linked GitHub account",
  description: "The GitHub account linked to the signed-in user, which evidence checks compare pull request and commit authors with.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "The link.", schema: myGitHubSchema },
});

export const startGitHubLinkEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/me/github/link",
  operationId: "startGitHubLink",
  summary: "Start linking a GitHub account",
  description:
    "Sets a 10-minute HttpOnly cookie that makes the next GitHub sign-in in this browser link the GitHub account to the signed-in user instead of signing in (then run next-auth's GitHub sign-in). A GitHub account linked to another Cairn account, or a second GitHub account, is refused at the callback.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "The cookie is set.", schema: z.object({ provider: z.literal("github"), linkAvailable: z.boolean() }) },
});

export const unlinkGitHubEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/me/github",
  operationId: "unlinkGitHub",
  summary: "Unlink your GitHub account",
  description: "Removes the link (and GitHub sign-in for this account). Evidence already checked keeps its result until it is checked again.",
  tags: ["Account"],
  auth: "session",
  response: { status: 200, description: "No account is linked.", schema: myGitHubSchema },
});
