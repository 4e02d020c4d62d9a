"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { Time } from "@/components/ui/time";


/** Sets, replaces or removes the organization's GitHub token (decision 0034); the token is never shown again. */
export function GitHubTokenForm({ slug, configuredAt }: { slug: string; configuredAt: string | null }) {
  const router = useRouter();
  const { toast } = useToast();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState<"save" | "remove" | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const token = String(new FormData(form).get("token") ?? "").trim();
    if (!token) {
      setError("Paste a GitHub token.");
      return;
    }
    setPending("save");
    setError(undefined);
    try {
      await callEndpoint(api.setGitHubToken, { params: { orgSlug: slug }, body: { token } });
      form.reset();
      toast({ title: "GitHub token saved", description: "Evidence checks now use it.", tone: "success" });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldErrors.token ?? caught.message) : "Something went wrong. Try again.");
    } finally {
      setPending(null);
    }
  }

  async function remove() {
    setPending("remove");
    try {
      await callEndpoint(api.removeGitHubToken, { params: { orgSlug: slug } });
      toast({ title: "GitHub token removed", description: "Checks see public repositories only.", tone: "success" });
      router.refresh();
    } catch (caught) {
      toast({ title: "Could not remove the token", description: caught instanceof ApiError ? caught.message : "Try again.", tone: "error" });
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm" role="status">
        {configuredAt ? (
          <>
            A token is set (saved <Time value={configuredAt} format="dateTime" />).
          </>
        ) : (
          "No token is set: checks see public repositories only."
        )}
      </p>
      <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
        <Input label={configuredAt ? "Replace the token" : "Token"} name="token" type="password" autoComplete="off" spellCheck={false} error={error} containerClassName="sm:w-96" />
        <Button type="submit" loading={pending === "save"} disabled={pending !== null} className="sm:mt-7">
          Save
        </Button>
      </form>
      {configuredAt ? (
        <Button variant="secondary" className="self-start" loading={pending === "remove"} disabled={pending !== null} onClick={() => void remove()}>
          Remove the token
        </Button>
      ) : null}
    </div>
  );
}
