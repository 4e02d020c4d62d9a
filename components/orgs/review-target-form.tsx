"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ApiError, apiRequest } from "@/lib/http/api-client";

const MAX = 30;

/** The reviewer SLA: how many working days evidence may wait before the queue and the digest call it overdue. */
export function ReviewTargetForm({ slug, days }: { slug: string; days: number }) {
  const router = useRouter();
  const { toast } = useToast();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get("reviewTargetDays"));
    if (!Number.isInteger(value) || value < 1 || value > MAX) {
      setError(`Use a whole number of working days from 1 to ${MAX}.`);
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const organization = await apiRequest<{ reviewTargetDays: number }>(`/api/v1/o/${slug}`, { method: "PATCH", body: { reviewTargetDays: value } });
      toast({ title: "Saved", description: `Evidence waiting more than ${organization.reviewTargetDays} working days is flagged as overdue.`, tone: "success" });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldErrors.reviewTargetDays ?? caught.message) : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Input label="Target" hint="Working days, Monday to Friday." name="reviewTargetDays" type="number" inputMode="numeric" min={1} max={MAX} defaultValue={days} required error={error} containerClassName="w-56" />
      <Button type="submit" loading={pending} className="sm:mt-7">
        Save
      </Button>
    </form>
  );
}
