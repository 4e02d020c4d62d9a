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

/** The organization's settings that are a number of days (`PATCH /api/v1/o/{slug}` with one field). */
export type DaysSetting = "stuckAfterDays" | "reviewTargetDays" | "dueSoonDays";

interface DaysSettingCopy {
  label: string;
  hint?: string;
  min: number;
  max: number;
  /** What the field's error says when the number is out of range or not whole. */
  range: string;
  /** The toast after saving, from the saved value. */
  saved: (days: number) => string;
  width: string;
}

const SETTINGS: Record<DaysSetting, DaysSettingCopy> = {
  // When the dashboards call a hire stuck: days on one item, or without activity (lib/dashboards/flags.ts).
  stuckAfterDays: { label: "Days", min: 1, max: 90, range: "Use a whole number of days from 1 to 90.", saved: (days) => `Hires are flagged as stuck after ${days} days.`, width: "w-32" },
  // The reviewer SLA: working days evidence may wait before the queue and the digest call it overdue.
  reviewTargetDays: {
    label: "Target",
    hint: "Working days, Monday to Friday.",
    min: 1,
    max: 30,
    range: "Use a whole number of working days from 1 to 30.",
    saved: (days) => `Evidence waiting more than ${days} working days is flagged as overdue.`,
    width: "w-56",
  },
  // How many days before an assignment is due its hire and mentors are reminded (0: never).
  dueSoonDays: {
    label: "Before the due day",
    min: 0,
    max: 30,
    range: "Use a whole number of days from 0 to 30.",
    saved: (days) => (days === 0 ? "No due-soon reminders." : `Reminders go out ${days} days before the due day.`),
    width: "w-32",
  },
};

/** One of the organization's day-count settings, checked here as the API checks it, saved alone. */
export function OrgDaysSettingForm({ slug, setting, days }: { slug: string; setting: DaysSetting; days: number }) {
  const copy = SETTINGS[setting];
  const router = useRouter();
  const { toast } = useToast();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get(setting));
    if (!Number.isInteger(value) || value < copy.min || value > copy.max) {
      setError(copy.range);
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const organization = await callEndpoint(api.renameOrganization, { params: { orgSlug: slug }, body: { [setting]: value } });
      toast({ title: "Saved", description: copy.saved(organization[setting]), tone: "success" });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldErrors[setting] ?? caught.message) : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Input label={copy.label} hint={copy.hint} name={setting} type="number" inputMode="numeric" min={copy.min} max={copy.max} defaultValue={days} required error={error} containerClassName={copy.width} />
      <Button type="submit" loading={pending} className="sm:mt-7">
        Save
      </Button>
    </form>
  );
}
