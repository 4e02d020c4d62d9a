"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ApiError, apiRequest } from "@/lib/http/api-client";

/** How many days before an assignment is due its hire and mentors are reminded (0: never). */
export function DueSoonForm({ slug, days }: { slug: string; days: number }) {
  const router = useRouter();
  const { toast } = useToast();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get("dueSoonDays"));
    if (!Number.isInteger(value) || value < 0 || value > 30) {
      setError("Use a whole number of days from 0 to 30.");
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const organization = await apiRequest<{ dueSoonDays: number }>(`/api/v1/o/${slug}`, { method: "PATCH", body: { dueSoonDays: value } });
      toast({ title: "Saved", description: organization.dueSoonDays === 0 ? "No due-soon reminders." : `Reminders go out ${organization.dueSoonDays} days before the due day.`, tone: "success" });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldErrors.dueSoonDays ?? caught.message) : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Input label="Before the due day" name="dueSoonDays" type="number" inputMode="numeric" min={0} max={30} defaultValue={days} required error={error} containerClassName="w-32" />
      <Button type="submit" loading={pending} className="sm:mt-7">
        Save
      </Button>
    </form>
  );
}
