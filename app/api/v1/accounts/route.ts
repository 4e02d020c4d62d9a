import { signUpEndpoint } from "@/lib/accounts/endpoints";
import { requestSignUp } from "@/lib/accounts/sign-up";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(signUpEndpoint, async ({ ctx, body }) => requestSignUp(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
