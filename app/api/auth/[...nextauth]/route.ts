// next-auth's own protocol (CSRF token, sign-in callback, sign-out, session), not part of /api/v1.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { boundedAuthRequest } from "@/lib/auth/bounded-auth-request";
import { authOptions } from "@/lib/auth/options";
import { otherMethods } from "@/lib/http/other-methods";

type NextAuthRouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: NextAuthRouteContext) {
  // Anyone may post here: the body is bounded before next-auth reads it (413 beyond the limit).
  const bounded = await boundedAuthRequest(request);
  if (bounded instanceof Response) return bounded;
  return NextAuth(authOptions())(bounded, context);
}

export { handler as GET, handler as POST };
export const { PUT, PATCH, DELETE } = otherMethods({ GET: handler, POST: handler });
