"use client";

import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { isWebAddress, MAX_LINK_TITLE, MAX_LINK_URL, MAX_LINKS } from "./item-limits";
import { SafeLink } from "./safe-link";
import type { ItemLink } from "./types";

/**
 * The hire's links on an item (a pull request, an article): each add or removal is saved at once.
 * Only the hire writes them (lib/assignments/update-item.ts), so they are "Your links" to the hire
 * and "Ada Obi’s links" to a mentor or a manager.
 */
export function ItemLinksEditor({ owner, links, readOnly, onChange }: { owner: string; links: readonly ItemLink[]; readOnly: boolean; onChange: (links: ItemLink[]) => void }) {
  const id = useId();
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const address = url.trim();
    if (!isWebAddress(address)) return setError("Use an http:// or https:// address.");
    if (links.some((link) => link.url === address)) return setError("This link is already there.");
    const name = title.trim();
    onChange([...links, name ? { title: name, url: address } : { url: address }]);
    setUrl("");
    setTitle("");
    setError(null);
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-2">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">
        {owner} links
      </h3>
      {links.length === 0 ? (
        <p className="text-sm text-muted-foreground">No links yet.</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {links.map((link, index) => (
            <li key={`${link.url}-${index}`} className="flex items-center justify-between gap-2 text-sm">
              <SafeLink url={link.url} title={link.title} />
              {readOnly ? null : (
                <Button variant="ghost" size="sm" onClick={() => onChange(links.filter((_, at) => at !== index))}>
                  Remove<span className="sr-only"> {link.title ?? link.url}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly || links.length >= MAX_LINKS ? null : (
        <form noValidate onSubmit={add} className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <Input label="Link address" type="url" inputMode="url" placeholder="https://" value={url} maxLength={MAX_LINK_URL} onChange={(event) => setUrl(event.target.value)} error={error ?? undefined} containerClassName="flex-1" />
          <Input label="Title (optional)" value={title} maxLength={MAX_LINK_TITLE} onChange={(event) => setTitle(event.target.value)} containerClassName="sm:w-40" />
          <Button type="submit" variant="secondary" className="sm:mt-7">
            Add link
          </Button>
        </form>
      )}
    </section>
  );
}
