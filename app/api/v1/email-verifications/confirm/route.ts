import { confirmEmailVerification } from "@/lib/accounts/email-verification";
import { confirmEmailVerificationEndpoint } from "@/lib/accounts/email-verification-endpoints";
import { handle } from "@/lib/http/handle";

export const POST = handle(confirmEmailVerificationEndpoint, async ({ ctx, body }) => confirmEmailVerification(ctx, body));
