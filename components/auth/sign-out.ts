"use client";

import { signOut } from "next-auth/react";
import { forgetAllDrafts } from "@/components/ui/use-session-draft";

/**
 * Signs out in place (next-auth's POST with its CSRF token) and goes to `callbackUrl`. What this
 * person typed and did not send (notes, comments, evidence kept in the tab) goes first, so the
 * next person to sign in to this tab does not find it.
 */
export function signOutHere(callbackUrl: string): Promise<void> {
  forgetAllDrafts();
  return signOut({ callbackUrl });
}
