"use client";

import { useState } from "react";
import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { EXPIRY_CHOICES, scopeLabel } from "@/lib/api-tokens/scopes";
import { ApiError } from "@/lib/http/api-client";

export interface TokenFormValues {
  name: string;
  scopes: string[];
  expiresInDays: number | null;
}

const selectStyles = "h-10 w-full rounded-md border border-border-strong bg-surface px-3 text-sm text-foreground";

/**
 * Name, scopes (the ones the member's role has, as checkboxes) and expiry. `extra`
 * holds the caller's own fields (the organization, the service role) above the scopes.
 */
export function TokenForm({
  scopes,
  extra,
  submitting,
  error,
  onSubmit,
}: {
  scopes: readonly string[];
  extra?: ReactNode;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: TokenFormValues) => void;
}) {
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [expiry, setExpiry] = useState("90");
  const [localError, setLocalError] = useState<string | null>(null);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const scopesError = localError ?? Object.entries(fieldErrors).find(([field]) => field.startsWith("scopes"))?.[1];
  const formError = error instanceof ApiError ? (Object.keys(fieldErrors).length === 0 ? error.message : null) : error ? "Something went wrong. Try again." : null;
  // A scope the role no longer has (the organization or role changed) is not sent.
  const sent = chosen.filter((scope) => scopes.includes(scope));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sent.length === 0) return setLocalError("Choose at least one scope.");
    setLocalError(null);
    onSubmit({ name, scopes: sent, expiresInDays: expiry === "never" ? null : Number(expiry) });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <Input label="Name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} hint="What it is for, e.g. “CI export”." error={fieldErrors.name} />
      {extra}
      <fieldset className="flex flex-col gap-2" aria-describedby={scopesError ? "token-scopes-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        <div className="flex gap-3 text-sm">
          <button type="button" className="text-link underline underline-offset-4 hover:no-underline" onClick={() => setChosen([...scopes])}>
            Select all
          </button>
          <button type="button" className="text-link underline underline-offset-4 hover:no-underline" onClick={() => setChosen([])}>
            Clear
          </button>
        </div>
        <div className="grid gap-2 sm:grid-cols-2">
          {scopes.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 size-4 accent-primary"
                checked={chosen.includes(scope)}
                onChange={(event) => setChosen((current) => (event.target.checked ? [...current, scope] : current.filter((item) => item !== scope)))}
              />
              <span>
                {scopeLabel(scope)} <span className="font-mono text-xs text-muted-foreground">{scope}</span>
              </span>
            </label>
          ))}
        </div>
        {scopesError ? (
          <p id="token-scopes-error" className="text-sm font-medium text-danger">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-col gap-1.5 sm:max-w-xs">
        <label htmlFor="token-expiry" className="text-sm font-medium">
          Expires after
        </label>
        <select id="token-expiry" className={selectStyles} value={expiry} onChange={(event) => setExpiry(event.target.value)}>
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.days === null ? "never" : String(choice.days)}>
              {choice.label}
            </option>
          ))}
        </select>
        {fieldErrors.expiresInDays ? <p className="text-sm font-medium text-danger">{fieldErrors.expiresInDays}</p> : null}
      </div>
      <div>
        <Button type="submit" loading={submitting}>
          Create token
        </Button>
      </div>
    </form>
  );
}

export { selectStyles as tokenSelectStyles };
