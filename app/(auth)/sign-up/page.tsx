import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/o");
  return (
    <AuthCard title="Create your Cairn account" description="You will own a new organization and can invite your team next. First, confirm your work email.">
      <SignUpForm mailboxHint={getConfig().devMailboxEnabled} />
    </AuthCard>
  );
}
