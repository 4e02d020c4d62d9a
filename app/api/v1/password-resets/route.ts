import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { requestPasswordResetEndpoint } from "@/lib/accounts/password-reset-endpoints";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(requestPasswordResetEndpoint, async ({ ctx, body }) => requestPasswordReset(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
