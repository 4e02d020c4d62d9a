// next-auth's own protocol (CSRF token, sign-in callback, sign-out, session), not part of /api/v1.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type NextAuthRouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: NextAuthRouteContext) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
