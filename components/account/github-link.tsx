"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

export type GitHubLinkNotice = "linked" | "linked-elsewhere" | "other-account-linked" | "expired";

const NOTICES: Record<GitHubLinkNotice, { text: string; tone: "success" | "error" }> = {
  linked: { text: "GitHub account linked.", tone: "success" },
  "linked-elsewhere": { text: "That GitHub account is linked to another Cairn account. Sign in to it and unlink it there first.", tone: "error" },
  "other-account-linked": { text: "Another GitHub account is linked to yours. Unlink it first.", tone: "error" },
  expired: { text: "Linking took too long or you were signed out meanwhile. Try again.", tone: "error" },
};

/**
 * The linked GitHub account (decision 0034): its handle with Unlink, or Link.
 * Linking sets the link cookie (POST /api/v1/me/github/link), then runs GitHub's
 * sign-in, which comes back here with `?github=<outcome>`.
 */
export function GitHubLink({ linked, available, notice }: { linked: { login: string } | null; available: boolean; notice: GitHubLinkNotice | null }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, setPending] = useState(false);

  async function link() {
    setPending(true);
    try {
      await callEndpoint(api.startGitHubLink);
      await signIn("github", { callbackUrl: "/account#github" });
    } catch (error) {
      toast({ title: "Could not start linking", description: error instanceof ApiError ? error.message : "Try again.", tone: "error" });
      setPending(false);
    }
  }

  async function unlink() {
    setPending(true);
    try {
      await callEndpoint(api.unlinkGitHub);
      router.replace("/account#github");
      router.refresh();
    } catch (error) {
      toast({ title: "Could not unlink", description: error instanceof ApiError ? error.message : "Try again.", tone: "error" });
    } finally {
      setPending(false);
    }
  }

  const shown = notice ? NOTICES[notice] : null;
  return (
    <div className="flex flex-col gap-3">
      {shown ? (
        <p role={shown.tone === "error" ? "alert" : "status"} className={shown.tone === "error" ? "text-sm text-danger" : "text-sm text-success"}>
          {shown.text}
        </p>
      ) : null}
      {linked ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm">
            Linked to{" "}
            <a className="font-medium underline" href={`https://github.com/${encodeURIComponent(linked.login)}`} rel="noreferrer" target="_blank">
              @{linked.login}
            </a>
          </p>
          <Button variant="secondary" size="sm" loading={pending} onClick={() => void unlink()}>
            Unlink
          </Button>
        </div>
      ) : available ? (
        <Button className="self-start" loading={pending} onClick={() => void link()}>
          Link GitHub
        </Button>
      ) : (
        <p className="text-sm text-muted-foreground">No GitHub account is linked. This server does not offer GitHub sign-in, so ask an administrator to set it up.</p>
      )}
    </div>
  );
}
