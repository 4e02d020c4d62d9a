import { requestSignInLink } from "@/lib/accounts/email-sign-in";
import { requestSignInLinkEndpoint } from "@/lib/accounts/email-sign-in-endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(requestSignInLinkEndpoint, async ({ ctx, body }) => requestSignInLink(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
