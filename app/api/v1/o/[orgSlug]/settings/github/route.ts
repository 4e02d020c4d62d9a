import { getGitHubSettingsEndpoint, removeGitHubTokenEndpoint, setGitHubTokenEndpoint } from "@/lib/evidence/github/endpoints";
import { readGitHubSettings, removeGitHubToken, setGitHubToken } from "@/lib/evidence/github/org-token";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = handle(getGitHubSettingsEndpoint, async ({ ctx }) => readGitHubSettings(ctx));
export const PUT = handle(setGitHubTokenEndpoint, async ({ ctx, body }) => setGitHubToken(ctx, body.token));
export const DELETE = handle(removeGitHubTokenEndpoint, async ({ ctx }) => removeGitHubToken(ctx));

export const { POST, PATCH } = otherMethods({ GET, PUT, DELETE });
