"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ApiError, apiRequest } from "@/lib/http/api-client";

/** When the dashboards call a hire stuck: days on one item, or without activity. */
export function StuckThresholdForm({ slug, days }: { slug: string; days: number }) {
  const router = useRouter();
  const { toast } = useToast();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get("stuckAfterDays"));
    if (!Number.isInteger(value) || value < 1 || value > 90) {
      setError("Use a whole number of days from 1 to 90.");
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const organization = await apiRequest<{ stuckAfterDays: number }>(`/api/v1/o/${slug}`, { method: "PATCH", body: { stuckAfterDays: value } });
      toast({ title: "Saved", description: `Hires are flagged as stuck after ${organization.stuckAfterDays} days.`, tone: "success" });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldErrors.stuckAfterDays ?? caught.message) : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Input label="Days" name="stuckAfterDays" type="number" inputMode="numeric" min={1} max={90} defaultValue={days} required error={error} containerClassName="w-32" />
      <Button type="submit" loading={pending} className="sm:mt-7">
        Save
      </Button>
    </form>
  );
}
