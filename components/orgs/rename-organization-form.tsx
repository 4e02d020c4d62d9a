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

export function RenameOrganizationForm({ slug, name }: { slug: string; name: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newName = String(new FormData(event.currentTarget).get("name") ?? "");
    setPending(true);
    setError(undefined);
    try {
      const organization = await callEndpoint(api.renameOrganization, { params: { orgSlug: slug }, body: { name: newName } });
      toast({ title: "Organization renamed", description: `It is now called ${organization.name}.`, tone: "success" });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldErrors.name ?? caught.message) : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Input label="Name" name="name" defaultValue={name} required maxLength={80} error={error} containerClassName="flex-1" />
      <Button type="submit" loading={pending} className="sm:mt-7">
        Save
      </Button>
    </form>
  );
}
