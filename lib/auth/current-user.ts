import "server-only";
import { cookies } from "next/headers";
import { userFromCookies } from "./session";
import type { SessionUser } from "./session";

/** The signed-in user for a server component or server action, or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const store = await cookies();
  return userFromCookies(Object.fromEntries(store.getAll().map((cookie) => [cookie.name, cookie.value])));
}
