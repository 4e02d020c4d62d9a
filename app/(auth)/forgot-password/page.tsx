import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Reset your password" description="Enter the email address of your account and we will email you a link to choose a new password.">
      <ForgotPasswordForm mailboxHint={getConfig().devMailboxEnabled} />
    </AuthCard>
  );
}
