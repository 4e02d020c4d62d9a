import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { requestPasswordResetEndpoint } from "@/lib/accounts/password-reset-endpoints";
import { handle } from "@/lib/http/handle";

export const POST = handle(requestPasswordResetEndpoint, async ({ ctx, body }) => requestPasswordReset(ctx, body));
