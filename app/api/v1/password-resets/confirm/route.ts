import { resetPassword } from "@/lib/accounts/password-reset";
import { confirmPasswordResetEndpoint } from "@/lib/accounts/password-reset-endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(confirmPasswordResetEndpoint, async ({ ctx, body }) => resetPassword(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
