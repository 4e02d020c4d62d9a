/**
 * The keys of the roadmap's tree in words (the tree's aria-describedby), with the item
 * panel's (panel-keys.ts), and the live region that says what a key did.
 */
export function RoadmapKeys({ id, canWrite, announcement }: { id: string; canWrite: boolean; announcement: string }) {
  return (
    <>
      {/* Keys mean nothing on a phone: the hint stays the tree's description but takes no room there. */}
      <p id={id} className="text-xs text-muted-foreground max-sm:hidden">
        In the list: ↑ ↓ move · ← → fold and unfold · {canWrite ? "Space marks an item done (or not) · " : ""}Enter opens an item{canWrite ? " · Shift+F10 on a section: its actions" : ""}
        <br />
        In an open item: j next item · k previous item · Esc closes it (not while you type in a field)
      </p>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
