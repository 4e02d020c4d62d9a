import { confirmEmailVerification } from "@/lib/accounts/email-verification";
import { confirmEmailVerificationEndpoint } from "@/lib/accounts/email-verification-endpoints";
import { userFromCookieHeader } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/other-methods";
import { assertSameOrigin } from "@/lib/security/same-origin";

// Public (the link may be opened in a browser that is not signed in), but a session of
// the link's own account, when present, shows the password holder opened it; a
// cookie-authenticated confirm then needs a same-origin Origin like every cookie write.
export const POST = handle(confirmEmailVerificationEndpoint, async ({ request, ctx, body }) => {
  const user = await userFromCookieHeader(request.headers.get("cookie"));
  if (user) assertSameOrigin(request, getConfig().allowedOrigins, true);
  return confirmEmailVerification(ctx, body, user);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods({ POST });
