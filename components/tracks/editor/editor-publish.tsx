"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { PublishVersionButton } from "../publish-version-button";
import type { EditorTarget } from "./editor-api";

/**
 * Publish from the editor: the track page's button, with the editor's edits saved first. Edits
 * still on their way are waited for (the publish is called off if one of them fails); details
 * typed in the panel but not saved are not edits yet, so they must be saved or discarded first:
 * publishing would otherwise leave them out without a word.
 */
export function EditorPublish({
  target,
  saving,
  whenSaved,
  unsavedRows,
  onPublished,
}: {
  target: EditorTarget;
  saving: boolean;
  whenSaved: () => Promise<{ failed: boolean }>;
  unsavedRows: number;
  onPublished: () => void;
}) {
  const { slug, trackId, number } = target;
  const prepare = async () =>
    (await whenSaved()).failed ? "A change was not saved, so nothing was published. Check the draft, then publish again." : null;
  return (
    <PublishVersionButton
      slug={slug}
      trackId={trackId}
      number={number}
      onPublished={onPublished}
      prepare={prepare}
      blocked={unsavedRows > 0}
      notice={(preparing) => (
        <>
          {unsavedRows > 0 ? (
            <FormAlert>
              {unsavedRows === 1 ? "1 row has" : `${unsavedRows} rows have`} details you have not saved. Save or discard them in the details panel first: version {number} would be published without them.
            </FormAlert>
          ) : null}
          {preparing && saving ? (
            <p role="status" className="text-sm text-muted-foreground">
              Saving your last changes first…
            </p>
          ) : null}
        </>
      )}
    />
  );
}
