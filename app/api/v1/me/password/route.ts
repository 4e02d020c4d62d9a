import { changePassword } from "@/lib/accounts/change-password";
import { handle } from "@/lib/http/handle";
import { changePasswordEndpoint } from "@/lib/users/endpoints";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = handle(changePasswordEndpoint, async ({ ctx, body }) => changePassword(ctx, body));

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
