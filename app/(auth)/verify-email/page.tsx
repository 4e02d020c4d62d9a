import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifyEmail } from "@/components/auth/verify-email";

// The token is in this page's URL: never send it onwards in a Referer header.
export const metadata: Metadata = { title: "Verify your email", referrer: "no-referrer", robots: { index: false } };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  return (
    <AuthCard title="Verify your email" description="Confirming that this address is yours.">
      <VerifyEmail token={typeof raw === "string" ? raw : ""} />
    </AuthCard>
  );
}
