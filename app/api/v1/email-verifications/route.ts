import { resendEmailVerification } from "@/lib/accounts/email-verification";
import { resendEmailVerificationEndpoint } from "@/lib/accounts/email-verification-endpoints";
import { handle } from "@/lib/http/handle";

export const POST = handle(resendEmailVerificationEndpoint, async ({ ctx }) => resendEmailVerification(ctx));
