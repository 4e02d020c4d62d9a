import { getConfig } from "@/lib/config";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { getMyGitHubEndpoint, unlinkGitHubEndpoint } from "@/lib/users/github-endpoints";
import { linkedGitHub, unlinkGitHubAccount } from "@/lib/users/github-link";

export const GET = handle(getMyGitHubEndpoint, async ({ ctx }) => ({ linked: await linkedGitHub(ctx.user.id), linkAvailable: getConfig().githubOAuth !== null }));

export const DELETE = handle(unlinkGitHubEndpoint, async ({ ctx }) => {
  if (await unlinkGitHubAccount(ctx.user.id)) ctx.log.info({ userId: ctx.user.id }, "GitHub account unlinked");
  return { linked: null, linkAvailable: getConfig().githubOAuth !== null };
});

export const { POST, PUT, PATCH } = otherMethods({ GET, DELETE });
