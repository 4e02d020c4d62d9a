"use client";

import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { transitionsFrom } from "@/lib/progress/progress-math";
import type { ProgressState } from "@/lib/progress/progress-math";
import { MAX_REASON_LENGTH } from "./item-limits";
import type { EffectiveState } from "./roadmap-model";
import { MOVE_LABEL, STATE_LABEL } from "./state-labels";
import type { ItemChange } from "./types";

/**
 * The moves an item allows (transitionsFrom, the server's own rule), as buttons.
 * A parent item counts through its leaves, so the only move it offers is "not
 * applicable" (which leaves its whole branch out) and back.
 */
export function ItemStateControls({
  own,
  effective,
  reason,
  leaf,
  evidenceRequired,
  readOnly,
  onChange,
}: {
  own: ProgressState;
  effective: EffectiveState;
  reason: string | null;
  leaf: boolean;
  evidenceRequired: boolean;
  readOnly: boolean;
  onChange: (change: ItemChange) => void;
}) {
  const [askingReason, setAskingReason] = useState(false);
  const [reasonText, setReasonText] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonField = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);
  const asked = useRef(false);
  // "Not applicable…" asks a question: its field takes focus (the button that asked is gone);
  // Cancel gives focus back to that button.
  useEffect(() => {
    if (askingReason) reasonField.current?.focus();
    else if (asked.current) section.current?.querySelector<HTMLElement>("[data-not-applicable]")?.focus();
    asked.current = askingReason;
  }, [askingReason]);
  const moves = transitionsFrom(own, { evidenceRequired }).filter((to) => leaf || to === "NOT_APPLICABLE" || (own === "NOT_APPLICABLE" && to === "NOT_STARTED"));

  function submitReason(event: FormEvent) {
    event.preventDefault();
    const text = reasonText.trim();
    if (!text) return setReasonError("Say why it does not apply.");
    onChange({ state: "NOT_APPLICABLE", notApplicableReason: text });
    setAskingReason(false);
    setReasonText("");
    setReasonError(null);
  }

  const explanation =
    effective === "SKIPPED"
      ? "Your manager skipped this branch: it does not count."
      : effective === "NOT_APPLICABLE" && own !== "NOT_APPLICABLE"
        ? "An item above this one is marked not applicable, so this one does not count."
        : !leaf
          ? "This item counts through the items under it. Marking it not applicable leaves all of them out."
          : evidenceRequired && own !== "DONE"
            ? readOnly
              ? "This item needs evidence: it is done when a mentor approves what the hire submits."
              : "Evidence needed: submit it below. The item is done when a mentor approves it."
            : null;
  // Where "Mark done" would be: an evidence item is done only through an approved review.
  const needsEvidence = evidenceRequired && leaf && own !== "DONE" && own !== "NOT_APPLICABLE";

  return (
    <section ref={section} aria-labelledby="item-state-heading" className="flex flex-col gap-2">
      <h3 id="item-state-heading" className="text-sm font-semibold">
        State: <span className="font-normal">{STATE_LABEL[effective === "SKIPPED" ? "SKIPPED" : own]}</span>
      </h3>
      {own === "NOT_APPLICABLE" && reason ? <p className="text-sm text-muted-foreground">Why: {reason}</p> : null}
      {explanation ? <p className="text-sm text-muted-foreground">{explanation}</p> : null}
      {readOnly || effective === "SKIPPED" ? null : askingReason ? (
        <form noValidate onSubmit={submitReason} className="flex flex-col gap-2 rounded-md border border-border p-3">
          <Input
            label="Why does it not apply?"
            value={reasonText}
            maxLength={MAX_REASON_LENGTH}
            onChange={(event) => setReasonText(event.target.value)}
            error={reasonError ?? undefined}
            ref={reasonField}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm">
              Mark not applicable
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setAskingReason(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : moves.length > 0 || needsEvidence ? (
        <div className="flex flex-wrap items-center gap-2">
          {needsEvidence ? <span className="rounded-md border border-dashed border-border-strong px-2.5 py-1 text-sm text-muted-foreground">Evidence needed</span> : null}
          {moves.map((to) => (
            <Button key={to} variant={to === "DONE" ? "primary" : "secondary"} size="sm" data-not-applicable={to === "NOT_APPLICABLE" || undefined} onClick={() => (to === "NOT_APPLICABLE" ? setAskingReason(true) : onChange({ state: to }))}>
              {MOVE_LABEL[to]}
            </Button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
