"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import type { FocusRequest } from "@/components/ui/tree/tree";
import { allCollapsed, tabbableKey } from "@/components/ui/tree/visible-rows";
import { nodeTitleSchema } from "@/lib/tracks/edit-schema";
import { trackHref } from "../tracks-api";
import { ConfirmDelete } from "./confirm-delete";
import { editorEffect, MOVE_WORDS } from "./editor-commands";
import { EditorHeader } from "./editor-header";
import { EditorPublish } from "./editor-publish";
import { EditorSearch } from "./editor-search";
import { EditorToolbar } from "./editor-toolbar";
import type { ToolbarAction } from "./editor-toolbar";
import { EmptyDraft } from "./empty-draft";
import { nodeActions } from "./node-actions";
import { NodePanel } from "./node-panel";
import { findMatches, revealMatches, stepMatch } from "./outline-search";
import { ShortcutsHelp } from "./shortcuts-help";
import type { TreeCommand } from "./tree-keyboard";
import { TreeList } from "./tree-list";
import { rowDomId } from "./tree-row";
import type { EditorState, PlacedNode } from "./types";
import { useEditorEdits } from "./use-editor-edits";
import { useLeaveWarning } from "@/components/ui/use-leave-warning";
import { usePanelDrafts } from "./use-panel-drafts";
import type { useTrackEditor } from "./use-track-editor";
import { defaultCollapsed, revealKey, visibleRows } from "./visible-rows";
import { nodeCounts } from "@/lib/progress/count-words";

type Editor = ReturnType<typeof useTrackEditor>;

/**
 * The loaded editor: header, toolbar, the tree, the details panel. Commands from keys
 * (editor-commands.ts), buttons and drags all end in editor.edit() (use-editor-edits.ts).
 */
export function EditorWorkspace({
  editor,
  state,
  slug,
  trackId,
  versionNumber,
  canPublish,
  onPublished,
}: {
  editor: Editor;
  state: EditorState;
  slug: string;
  trackId: string;
  versionNumber: number;
  canPublish: boolean;
  onPublished: () => void;
}) {
  const { nodes } = state;
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // Sections start folded, so the outline reads at a glance (the workspace mounts with the draft loaded).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => defaultCollapsed(state.nodes));
  const [renamingKey, setRenamingKey] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // The search: its query, which match is on screen, and the fold from before it opened sections (Clear restores it).
  const [search, setSearch] = useState("");
  const [matchIndex, setMatchIndex] = useState<number | null>(null);
  const [foldBeforeSearch, setFoldBeforeSearch] = useState<ReadonlySet<string> | null>(null);
  const [scrollTo, setScrollTo] = useState<{ key: string } | null>(null);

  const rows = useMemo(() => visibleRows(nodes, collapsed), [nodes, collapsed]);
  const byKey = useMemo(() => new Map(nodes.map((node) => [node.key, node])), [nodes]);
  const selected = (selectedKey !== null ? byKey.get(selectedKey) : undefined) ?? null;
  // The toolbar's enabled states cost a few passes over the tree: worked out after the keypress
  // has been answered. Commands never read them; they work out their destination when they run.
  const deferredNodes = useDeferredValue(nodes);
  const deferredKey = useDeferredValue(selected?.key ?? null);
  const toolbarActions = useMemo(() => nodeActions(deferredNodes, deferredKey), [deferredNodes, deferredKey]);
  const tabbable = tabbableKey(rows, selected?.key ?? null);
  const matches = useMemo(() => findMatches(nodes, search), [nodes, search]);
  const matchKeys = useMemo(() => new Set(matches), [matches]);
  // Edits can shrink the list under the index: it then points nowhere until the next step.
  const currentMatch = matchIndex !== null && matchIndex < matches.length ? matchIndex : null;
  const counts = useMemo(() => nodeCounts(nodes), [nodes]);

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

  const panel = usePanelDrafts(editor, byKey, setAnnouncement);
  const edits = useEditorEdits({ editor, nodes, rows, announce: setAnnouncement, openPath, select, startRename: setRenamingKey });
  // Leaving with unsaved panel text or edits still on their way asks first.
  useLeaveWarning(panel.unsavedKeys.size > 0 || editor.saving);

  // Next / Previous keep the focus in the search box: the match is selected and scrolled to instead.
  useEffect(() => {
    if (scrollTo) document.getElementById(rowDomId(scrollTo.key))?.scrollIntoView({ block: "nearest" });
  }, [scrollTo]);

  function changeSearch(query: string) {
    setSearch(query);
    setMatchIndex(null);
    if (query.trim() === "") {
      // Erased by hand: the fold from before the search comes back, as with Clear.
      if (foldBeforeSearch !== null) setCollapsed(foldBeforeSearch);
      setFoldBeforeSearch(null);
      return;
    }
    const fold = foldBeforeSearch ?? collapsed;
    if (foldBeforeSearch === null) setFoldBeforeSearch(collapsed);
    // Every match on screen: the sections holding them open (from the fold before the search, so a narrower query closes them again).
    setCollapsed(revealMatches(fold, nodes, findMatches(nodes, query)));
  }

  function stepSearch(step: 1 | -1) {
    const next = stepMatch(matches.length, currentMatch, step);
    if (next === null) return;
    const key = matches[next]!;
    setMatchIndex(next);
    setSelectedKey(key);
    openPath(key);
    setScrollTo({ key });
  }

  function clearSearch() {
    setSearch("");
    setMatchIndex(null);
    if (foldBeforeSearch !== null) {
      // The fold comes back as it was, with the selected row still on screen.
      setCollapsed(selected ? revealKey(foldBeforeSearch, nodes, selected.key) : foldBeforeSearch);
      setFoldBeforeSearch(null);
    }
  }

  function toggle(key: string) {
    const next = new Set(collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setCollapsed(next);
  }

  function onCommand(command: TreeCommand, key: string) {
    const effect = editorEffect(command, key, rows);
    if (effect === null) return;
    const actions = () => nodeActions(edits.freshNodes(), key);
    switch (effect.kind) {
      case "select":
        return select(effect.key, true);
      case "toggle":
        return toggle(effect.key);
      case "rename":
        return setRenamingKey(key);
      case "move": {
        const { verb, refusal } = MOVE_WORDS[effect.move];
        return edits.move(key, actions()[effect.move], verb, refusal);
      }
      case "add":
        return edits.addNode("ITEM", actions()[effect.place]);
      case "delete":
        return edits.requestRemove(key, true);
    }
  }

  function onToolbar(action: ToolbarAction) {
    const actions = nodeActions(edits.freshNodes(), selected?.key ?? null);
    if (action === "addSection") return edits.addNode("SECTION", actions.addSection);
    if (action === "addItem") return edits.addNode("ITEM", actions.addItem);
    if (!selected) return;
    if (action === "addChild") return edits.addNode("ITEM", actions.addChild);
    if (action === "rename") return setRenamingKey(selected.key);
    if (action === "delete") return edits.requestRemove(selected.key, false);
    // The buttons keep focus (to press again); the moved row stays selected.
    onCommand(action, selected.key);
  }

  function collapseAll() {
    setCollapsed(allCollapsed(nodes));
    if (!selected) return;
    // The selection stays on screen: it moves up to its top-level row.
    let top: PlacedNode = selected;
    while (top.parentKey !== null) top = byKey.get(top.parentKey)!;
    setSelectedKey(top.key);
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

  const renameTrack = (title: string) => edits.run({ type: "renameTrack", title }, "Rename the track", `Renamed the track to “${title}”.`);
  const publishButton = canPublish ? (
    <EditorPublish target={editor.target} saving={editor.saving} whenSaved={editor.whenSaved} unsavedRows={panel.unsavedKeys.size} onPublished={onPublished} />
  ) : null;
  const status = (
    <p role="status" className="sr-only">
      {announcement}
    </p>
  );

  if (nodes.length === 0) {
    return (
      <div className="flex flex-col gap-5">
        <EditorHeader trackHref={trackHref(slug, trackId)} title={state.title} versionNumber={versionNumber} counts={counts} saveStatus={editor.saving ? "Saving…" : ""} onRename={renameTrack} />
        <EmptyDraft onAddSection={() => edits.addNode("SECTION", { parentKey: null, position: 0 })} onAddItem={() => edits.addNode("ITEM", { parentKey: null, position: 0 })} />
        {status}
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
        onRename={renameTrack}
        action={publishButton}
      />
      <EditorSearch query={search} count={matches.length} current={currentMatch} onQueryChange={changeSearch} onStep={stepSearch} onClear={clearSearch} />
      <EditorToolbar
        actions={toolbarActions}
        hasSelection={selected !== null}
        canUndo={editor.canUndo}
        undoLabel={editor.undoLabel}
        onAction={onToolbar}
        onUndo={() => edits.undo()}
        onExpandAll={() => setCollapsed(new Set())}
        onCollapseAll={collapseAll}
      />
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <TreeList
          label={`${state.title}, version ${versionNumber}`}
          nodes={nodes}
          rows={rows}
          selectedKey={selected?.key ?? null}
          tabbableKey={tabbable}
          renamingKey={renamingKey}
          unsavedKeys={panel.unsavedKeys}
          searchQuery={search}
          matchKeys={matchKeys}
          focusRequest={focusRequest}
          onSelect={(key) => setSelectedKey(key)}
          onToggle={toggle}
          onCommand={onCommand}
          onMove={(key, destination) => edits.move(key, destination, "Moved", "It cannot go there")}
          onRenameCommit={commitRename}
          onRenameCancel={cancelRename}
        />
        <div className="lg:sticky lg:top-4">
          {selected ? (
            <NodePanel
              key={selected.key}
              node={selected}
              draft={panel.drafts[selected.key]}
              errors={panel.panelErrors[selected.key] ?? {}}
              otherUnsaved={[...panel.unsavedKeys].filter((key) => key !== selected.key).length}
              onDraftChange={(draft) => panel.setDraft(selected.key, draft)}
              onSave={(values) => panel.saveDetails(selected, values)}
              onDiscard={() => panel.discardDraft(selected.key)}
            />
          ) : (
            <p className="rounded-xl border border-dashed border-border-strong p-4 text-sm text-muted-foreground">Select a row to edit its description, links, minutes and flags.</p>
          )}
        </div>
      </div>
      <ShortcutsHelp />
      {status}
      <ConfirmDelete pending={edits.pendingDelete} onCancel={edits.cancelRemove} onConfirm={edits.confirmRemove} />
    </div>
  );
}
