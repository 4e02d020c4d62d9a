import { resendEmailVerification } from "@/lib/accounts/email-verification";
import { resendEmailVerificationEndpoint } from "@/lib/accounts/email-verification-endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(resendEmailVerificationEndpoint, async ({ ctx }) => resendEmailVerification(ctx));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
