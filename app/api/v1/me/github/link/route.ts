import { getConfig } from "@/lib/config";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { startGitHubLinkEndpoint } from "@/lib/users/github-endpoints";
import { linkIntentCookie } from "@/lib/users/github-link-intent";

export const POST = handle(startGitHubLinkEndpoint, async ({ ctx }) =>
  Response.json(
    { provider: "github", linkAvailable: getConfig().githubOAuth !== null },
    { status: 200, headers: { "cache-control": "no-store", "set-cookie": linkIntentCookie(ctx.user.id) } },
  ),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
