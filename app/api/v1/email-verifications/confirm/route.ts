import { confirmEmailVerification } from "@/lib/accounts/email-verification";
import { confirmEmailVerificationEndpoint } from "@/lib/accounts/email-verification-endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(confirmEmailVerificationEndpoint, async ({ ctx, body }) => confirmEmailVerification(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
