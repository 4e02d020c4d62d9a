import { changePassword } from "@/lib/accounts/change-password";
import { handle } from "@/lib/http/handle";
import { changePasswordEndpoint } from "@/lib/users/endpoints";

export const POST = handle(changePasswordEndpoint, async ({ ctx, body }) => changePassword(ctx, body));
