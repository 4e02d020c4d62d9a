"use client";

import { signOutHere } from "@/components/auth/sign-out";
import { MenuItem } from "@/components/ui/menu";

/** Signs out and returns to the landing page. */
export function SignOutItem() {
  return <MenuItem onSelect={() => void signOutHere("/")}>Sign out</MenuItem>;
}
