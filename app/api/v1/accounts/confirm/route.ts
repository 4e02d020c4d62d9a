import { confirmSignUpEndpoint } from "@/lib/accounts/endpoints";
import { confirmSignUp } from "@/lib/accounts/sign-up";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(confirmSignUpEndpoint, async ({ ctx, body }) => confirmSignUp(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
