import { userFromCookieHeader } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { handle } from "@/lib/http/handle";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitationEndpoint } from "@/lib/invitations/endpoints";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { otherMethods } from "@/lib/http/other-methods";

// Public (a signed-out invitee accepts by creating an account), but a session, when
// there is one, decides whose invitation it is; a cookie-authenticated accept then
// needs a same-origin Origin like every other cookie write (the gate checked a foreign one).
export const POST = handle(acceptInvitationEndpoint, async ({ request, ctx, params, body }) => {
  const user = await userFromCookieHeader(request.headers.get("cookie"));
  if (user) assertSameOrigin(request, getConfig().allowedOrigins, true);
  return acceptInvitation(ctx, params.token, user, body);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
