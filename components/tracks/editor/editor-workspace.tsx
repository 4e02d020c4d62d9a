"use client";

import { useCallback, useDeferredValue, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/http/api-client";
import { nodeTitleSchema } from "@/lib/tracks/edit-schema";
import type { Destination, NodeKind } from "@/lib/tracks/tree-edit";
import { trackHref } from "../tracks-api";
import { ConfirmDelete } from "./confirm-delete";
import type { PendingDelete } from "./confirm-delete";
import { EditorHeader } from "./editor-header";
import { EditorToolbar } from "./editor-toolbar";
import type { ToolbarAction } from "./editor-toolbar";
import { nodeActions } from "./node-actions";
import { checkForm, isDirty, screenFieldErrors } from "./node-form";
import type { FormDraft, FormValues } from "./node-form";
import { NodePanel } from "./node-panel";
import { ShortcutsHelp } from "./shortcuts-help";
import { isUndoPress } from "./tree-keyboard";
import type { TreeCommand } from "./tree-keyboard";
import { TreeList } from "./tree-list";
import type { FocusRequest } from "./tree-list";
import type { EditOp, EditorNode, EditorState, PlacedNode } from "./types";
import type { useTrackEditor } from "./use-track-editor";
import { allCollapsed, defaultCollapsed, descendantCount, revealKey, visibleRows } from "./visible-rows";

type Editor = ReturnType<typeof useTrackEditor>;

const NEW_TITLE: Record<NodeKind, string> = { SECTION: "New section", ITEM: "New item" };
const isTextField = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, dialog") !== null);

/** The row to select once `key` and everything under it are gone: the next row on screen, else the one above. */
function selectionAfterRemoving(nodes: readonly PlacedNode[], rows: ReadonlyArray<{ node: PlacedNode }>, key: string): string | null {
  const index = rows.findIndex((row) => row.node.key === key);
  if (index < 0) return null;
  const depth = rows[index]!.node.depth;
  const after = rows.slice(index + 1).find((row) => row.node.depth <= depth);
  return after?.node.key ?? rows[index - 1]?.node.key ?? nodes.find((node) => node.key !== key)?.key ?? null;
}

/** The loaded editor: header, toolbar, the tree, the details panel. Commands from keys, buttons and drags all end in editor.edit(). */
export function EditorWorkspace({ editor, state, slug, trackId, versionNumber }: { editor: Editor; state: EditorState; slug: string; trackId: string; versionNumber: number }) {
  const { toast, dismiss } = useToast();
  const { nodes } = state;
  // A delete's toast offers Undo; once that delete is undone some other way, the offer goes.
  const deleteToasts = useRef(new Map<number, string>());
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // Sections start folded, so the outline reads at a glance (the workspace mounts with the draft loaded).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => defaultCollapsed(state.nodes));
  const [renamingKey, setRenamingKey] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [drafts, setDrafts] = useState<Record<string, FormDraft>>({});
  const [panelErrors, setPanelErrors] = useState<Record<string, Record<string, string>>>({});
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const rows = useMemo(() => visibleRows(nodes, collapsed), [nodes, collapsed]);
  const byKey = useMemo(() => new Map(nodes.map((node) => [node.key, node])), [nodes]);
  const selected = (selectedKey !== null ? byKey.get(selectedKey) : undefined) ?? null;
  // The toolbar's enabled states cost a few passes over the tree: worked out after the keypress
  // has been answered. Commands never read them; they work out their destination when they run.
  const deferredNodes = useDeferredValue(nodes);
  const deferredKey = useDeferredValue(selected?.key ?? null);
  const toolbarActions = useMemo(() => nodeActions(deferredNodes, deferredKey), [deferredNodes, deferredKey]);
  const tabbableKey = selected && rows.some((row) => row.node.key === selected.key) ? selected.key : (rows[0]?.node.key ?? null);
  const unsavedKeys = useMemo(() => new Set(Object.keys(drafts).filter((key) => byKey.has(key) && isDirty(byKey.get(key)!, drafts[key]))), [drafts, byKey]);
  const counts = useMemo(() => {
    const sections = nodes.filter((node) => node.kind === "SECTION").length;
    return { sections, items: nodes.length - sections };
  }, [nodes]);

  const focusRow = useCallback((key: string) => setFocusRequest((request) => ({ key, nonce: (request?.nonce ?? 0) + 1 })), []);
  const select = useCallback(
    (key: string, focus: boolean) => {
      setSelectedKey(key);
      if (focus) focusRow(key);
    },
    [focusRow],
  );

  /** Unfolds `key` and its ancestors, reading the freshest tree (this may run from a toast long after the render). */
  const openPath = useCallback(
    (key: string | null) => {
      if (key === null) return;
      const fresh = editor.currentState()?.nodes ?? [];
      setCollapsed((current) => {
        const next = new Set(revealKey(current, fresh, key));
        next.delete(key);
        return next;
      });
    },
    [editor],
  );

  // Leaving with unsaved panel text or edits still on their way asks first.
  const unsaved = unsavedKeys.size > 0 || editor.saving;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  /** The tree with every queued edit in it, even one made a moment ago and not yet drawn (a held Alt+↓). */
  function freshNodes(): readonly PlacedNode[] {
    return editor.currentState()?.nodes ?? nodes;
  }

  function run(op: EditOp, label: string, done: string): number | null {
    const outcome = editor.edit(op, label);
    if (!outcome.ok) {
      setAnnouncement(`Not possible: ${outcome.reason}`);
      toast({ tone: "error", title: "That change is not possible", description: outcome.reason });
      return null;
    }
    setAnnouncement(done);
    return outcome.id;
  }

  function addNode(kind: NodeKind, destination: Required<Destination> | null) {
    if (!destination) return;
    const node: EditorNode = { key: editor.newKey(), parentKey: destination.parentKey, kind, title: NEW_TITLE[kind], description: null, optional: false, evidenceRequired: false, verificationRequired: false, estimatedMinutes: null, due: null, resources: [] };
    if (run({ type: "add", destination, nodes: [node], restore: false }, `Add “${node.title}”`, `Added “${node.title}”. Type its title, then Enter.`) === null) return;
    openPath(destination.parentKey);
    setSelectedKey(node.key);
    setRenamingKey(node.key);
  }

  function move(key: string, destination: Required<Destination> | null, verb: string, refusal: string) {
    const node = freshNodes().find((candidate) => candidate.key === key);
    if (!node) return;
    if (!destination) return setAnnouncement(`${refusal}.`);
    if (run({ type: "move", key, destination }, `${verb} “${node.title}”`, `${verb}: “${node.title}”.`) !== null) openPath(destination.parentKey);
  }

  function remove(key: string, focus: boolean) {
    const current = freshNodes();
    const node = current.find((candidate) => candidate.key === key);
    if (!node) return;
    const nested = descendantCount(current, key);
    const next = selectionAfterRemoving(nodes, rows, key);
    const id = run({ type: "remove", key }, `Delete “${node.title}”`, `Deleted “${node.title}”.`);
    if (id === null) return;
    if (next) select(next, focus);
    const toastId = toast({ tone: "info", title: `Deleted “${node.title}”${nested > 0 ? ` and ${nested} nested ${nested === 1 ? "node" : "nodes"}` : ""}.`, action: { label: "Undo", onAction: () => undo(id) } });
    deleteToasts.current.set(id, toastId);
  }

  function requestRemove(key: string, focus: boolean) {
    const current = freshNodes();
    const node = current.find((candidate) => candidate.key === key);
    if (!node) return;
    const nested = descendantCount(current, key);
    if (nested > 0) setPendingDelete({ key, title: node.title, nested });
    else remove(key, focus);
  }

  function undo(id?: number) {
    const result = editor.undo(id);
    if (!result) {
      // A toast's Undo whose entry is gone (the draft was reloaded after someone else's change).
      if (id !== undefined) toast({ tone: "info", title: "That change can no longer be undone here." });
      return setAnnouncement("Nothing to undo.");
    }
    const offer = deleteToasts.current.get(result.entryId);
    if (offer) {
      dismiss(offer);
      deleteToasts.current.delete(result.entryId);
    }
    if (!result.ok) {
      toast({ tone: "error", title: "Could not undo", description: result.reason });
      return;
    }
    setAnnouncement(`Undone: ${result.label}.`);
    const inverse = result.inverse!;
    if (inverse.type === "add") {
      openPath(inverse.destination.parentKey);
      setSelectedKey(inverse.nodes[0]!.key);
    } else if (inverse.type === "move") {
      openPath(inverse.destination.parentKey);
      setSelectedKey(inverse.key);
    } else if (inverse.type === "update") {
      setSelectedKey(inverse.key);
    }
  }

  const onUndoKey = useEffectEvent((event: KeyboardEvent) => {
    if (!isUndoPress(event) || isTextField(event.target)) return;
    event.preventDefault();
    undo();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onUndoKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  function toggle(key: string) {
    const next = new Set(collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setCollapsed(next);
  }

  function onCommand(command: TreeCommand, key: string) {
    const index = rows.findIndex((row) => row.node.key === key);
    const row = rows[index];
    if (!row) return;
    const actions = () => nodeActions(freshNodes(), key);
    switch (command) {
      case "previous":
        return rows[index - 1] && select(rows[index - 1]!.node.key, true);
      case "next":
        return rows[index + 1] && select(rows[index + 1]!.node.key, true);
      case "first":
        return select(rows[0]!.node.key, true);
      case "last":
        return select(rows.at(-1)!.node.key, true);
      case "collapse":
        if (row.expanded) return toggle(key);
        return row.node.parentKey !== null && select(row.node.parentKey, true);
      case "expand":
        if (row.childCount > 0 && !row.expanded) return toggle(key);
        return row.expanded && select(rows[index + 1]!.node.key, true);
      case "rename":
        return setRenamingKey(key);
      case "moveUp":
        return move(key, actions().moveUp, "Moved up", "It is already first among its siblings");
      case "moveDown":
        return move(key, actions().moveDown, "Moved down", "It is already last among its siblings");
      case "indent":
        return move(key, actions().indent, "Indented", "It cannot be indented: it needs an item above it at the same level");
      case "outdent":
        return move(key, actions().outdent, "Outdented", "It cannot be outdented any further");
      case "addItem":
        return addNode("ITEM", actions().addItem);
      case "addChild":
        return addNode("ITEM", actions().addChild);
      case "delete":
        return requestRemove(key, true);
      case "release":
        return;
    }
  }

  function onToolbar(action: ToolbarAction) {
    const actions = nodeActions(freshNodes(), selected?.key ?? null);
    if (action === "addSection") return addNode("SECTION", actions.addSection);
    if (action === "addItem") return addNode("ITEM", actions.addItem);
    if (!selected) return;
    if (action === "addChild") return addNode("ITEM", actions.addChild);
    if (action === "rename") return setRenamingKey(selected.key);
    if (action === "delete") return requestRemove(selected.key, false);
    // The buttons keep focus (to press again); the moved row stays selected.
    onCommand(action, selected.key);
  }

  const commitRename = useCallback(
    (title: string, refocus: boolean): string | null => {
      const key = renamingKey;
      const node = key ? byKey.get(key) : undefined;
      if (!key || !node) return null;
      const parsed = nodeTitleSchema.safeParse(title);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? "Check the title.";
      if (parsed.data !== node.title) {
        const outcome = editor.edit({ type: "update", key, changes: { title: parsed.data } }, `Rename “${node.title}”`);
        if (!outcome.ok) return outcome.reason;
        setAnnouncement(`Renamed to “${parsed.data}”.`);
      }
      setRenamingKey(null);
      if (refocus) focusRow(key);
      return null;
    },
    [renamingKey, byKey, editor, focusRow],
  );

  const cancelRename = useCallback(
    (refocus: boolean) => {
      if (renamingKey && refocus) focusRow(renamingKey);
      setRenamingKey(null);
    },
    [renamingKey, focusRow],
  );

  function saveDetails(node: PlacedNode, values: FormValues) {
    const draft = drafts[node.key];
    const check = checkForm(node, values);
    if (!check.ok) return setPanelErrors((errors) => ({ ...errors, [node.key]: check.errors }));
    setPanelErrors((errors) => ({ ...errors, [node.key]: {} }));
    if (!check.changes) return discardDraft(node.key);
    const outcome = editor.edit({ type: "update", key: node.key, changes: check.changes }, `Edit “${node.title}”`);
    if (!outcome.ok) return setPanelErrors((errors) => ({ ...errors, [node.key]: { form: outcome.reason } }));
    setAnnouncement(`Saved the details of “${check.changes.title ?? node.title}”.`);
    outcome.done.then(
      // Text typed while it was saving is a newer draft: keep that one.
      () => setDrafts((current) => (current[node.key] === draft ? withoutKey(current, node.key) : current)),
      (error: unknown) => {
        if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setPanelErrors((errors) => ({ ...errors, [node.key]: screenFieldErrors(error.fieldErrors, values) }));
      },
    );
  }

  function discardDraft(key: string) {
    setDrafts((current) => withoutKey(current, key));
    setPanelErrors((errors) => withoutKey(errors, key));
  }

  if (nodes.length === 0) {
    return (
      <div className="flex flex-col gap-5">
        <EditorHeader trackHref={trackHref(slug, trackId)} title={state.title} versionNumber={versionNumber} counts={counts} saveStatus={editor.saving ? "Saving…" : ""} onRename={(title) => run({ type: "renameTrack", title }, "Rename the track", `Renamed the track to “${title}”.`)} />
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
          <p>This draft is empty. Start with a section (items then go inside sections), or with an item for a roadmap without sections.</p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => addNode("SECTION", { parentKey: null, position: 0 })}>Add section</Button>
            <Button variant="secondary" onClick={() => addNode("ITEM", { parentKey: null, position: 0 })}>
              Add item
            </Button>
          </div>
        </div>
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-5">
      <EditorHeader
        trackHref={trackHref(slug, trackId)}
        title={state.title}
        versionNumber={versionNumber}
        counts={counts}
        saveStatus={editor.saving ? "Saving…" : editor.everEdited ? "All changes saved" : ""}
        onRename={(title) => run({ type: "renameTrack", title }, "Rename the track", `Renamed the track to “${title}”.`)}
      />
      <EditorToolbar
        actions={toolbarActions}
        hasSelection={selected !== null}
        canUndo={editor.canUndo}
        undoLabel={editor.undoLabel}
        onAction={onToolbar}
        onUndo={() => undo()}
        onExpandAll={() => setCollapsed(new Set())}
        onCollapseAll={() => {
          setCollapsed(allCollapsed(nodes));
          if (selected) {
            let top: PlacedNode = selected;
            while (top.parentKey !== null) top = byKey.get(top.parentKey)!;
            setSelectedKey(top.key);
          }
        }}
      />
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <TreeList
          label={`${state.title}, version ${versionNumber}`}
          nodes={nodes}
          rows={rows}
          selectedKey={selected?.key ?? null}
          tabbableKey={tabbableKey}
          renamingKey={renamingKey}
          unsavedKeys={unsavedKeys}
          focusRequest={focusRequest}
          onSelect={(key) => setSelectedKey(key)}
          onToggle={toggle}
          onCommand={onCommand}
          onMove={(key, destination) => move(key, destination, "Moved", "It cannot go there")}
          onRenameCommit={commitRename}
          onRenameCancel={cancelRename}
        />
        <div className="lg:sticky lg:top-4">
          {selected ? (
            <NodePanel
              key={selected.key}
              node={selected}
              draft={drafts[selected.key]}
              errors={panelErrors[selected.key] ?? {}}
              otherUnsaved={[...unsavedKeys].filter((key) => key !== selected.key).length}
              onDraftChange={(draft) => setDrafts((current) => ({ ...current, [selected.key]: draft }))}
              onSave={(values) => saveDetails(selected, values)}
              onDiscard={() => discardDraft(selected.key)}
            />
          ) : (
            <p className="rounded-xl border border-dashed border-border-strong p-4 text-sm text-muted-foreground">Select a row to edit its description, links, minutes and flags.</p>
          )}
        </div>
      </div>
      <ShortcutsHelp />
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <ConfirmDelete
        pending={pendingDelete}
        onCancel={() => setPendingDelete(null)}
        onConfirm={(pending) => {
          setPendingDelete(null);
          remove(pending.key, true);
        }}
      />
    </div>
  );
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}
