import { requestSignInLink } from "@/lib/accounts/email-sign-in";
import { requestSignInLinkEndpoint } from "@/lib/accounts/email-sign-in-endpoints";
import { handle } from "@/lib/http/handle";

export const POST = handle(requestSignInLinkEndpoint, async ({ ctx, body }) => requestSignInLink(ctx, body));
