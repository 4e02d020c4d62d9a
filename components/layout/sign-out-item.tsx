"use client";

import { signOut } from "next-auth/react";
import { MenuItem } from "@/components/ui/menu";

/** Signs out in place (next-auth's POST with its CSRF token) and returns to the landing page. */
export function SignOutItem() {
  return <MenuItem onSelect={() => void signOut({ callbackUrl: "/" })}>Sign out</MenuItem>;
}
