import { resetPassword } from "@/lib/accounts/password-reset";
import { confirmPasswordResetEndpoint } from "@/lib/accounts/password-reset-endpoints";
import { handle } from "@/lib/http/handle";

export const POST = handle(confirmPasswordResetEndpoint, async ({ ctx, body }) => resetPassword(ctx, body));
