"use client";

import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import type { FocusRequest } from "@/components/ui/tree/tree";
import { allCollapsed, revealed, tabbableKey } from "@/components/ui/tree/visible-rows";
import { utcDay } from "@/lib/assignments/pacing";
import { summarizeProgress } from "@/lib/progress/progress-math";
import { ConfirmMarkAll } from "./confirm-mark-all";
import { ItemPanel } from "./item-panel";
import { markAllDoneKeys } from "./mark-all-done";
import { NextUp } from "./next-up";
import { NoMatches } from "./no-matches";
import { rowEffect, spaceEffect } from "./roadmap-commands";
import { foldsInEffect, foldsReducer, initialFolds } from "./roadmap-folds";
import { RoadmapHeader } from "./roadmap-header";
import { RoadmapKeys } from "./roadmap-keys";
import { ancestorsOf, effectiveStates, roadmapModelOf, statesOf } from "./roadmap-model";
import { rowDomId } from "./roadmap-row";
import { RoadmapToolbar } from "./roadmap-toolbar";
import { RoadmapTree } from "./roadmap-tree";
import { evidenceStatuses } from "./row-evidence";
import { rowPacing } from "./row-pacing";
import { adjacentItem } from "./tree-navigation";
import type { PanelMove, TreeCommand } from "./tree-navigation";
import type { AssignmentDetailJson } from "./types";
import { useItemInUrl } from "./use-item-in-url";
import { useProgressWrites } from "./use-progress-writes";
import { useRowNotice } from "./use-row-notice";
import { defaultCollapsed, filterCounts, isNarrowed, normalizeSearch, visibleRows } from "./visible-rows";

/**
 * The roadmap of one assignment: the tree with its sections' progress, search
 * and state filters, the keyboard, the item panel, and the hire's writes.
 * What each key does is decided in roadmap-commands.ts; folds, search and
 * filter are one reducer (roadmap-folds.ts).
 */
export function Roadmap({
  slug,
  detail,
  viewerIsAssignee,
  initialItem,
  openItem = false,
}: {
  slug: string;
  detail: AssignmentDetailJson;
  viewerIsAssignee: boolean;
  initialItem: string | null;
  /** Open the item's panel at once (a notification's link: the review or the message is in it). */
  openItem?: boolean;
}) {
  const assignmentId = detail.assignment.id;
  const canWrite = viewerIsAssignee && detail.assignment.status !== "ARCHIVED";
  const writes = useProgressWrites(slug, assignmentId);

  const model = roadmapModelOf(detail);
  const states = useMemo(() => statesOf(detail.progress), [detail.progress]);
  const effective = useMemo(() => effectiveStates(model, states), [model, states]);
  const evidence = useMemo(() => evidenceStatuses(model, detail.evidence), [model, detail.evidence]);
  const facts = useMemo(() => ({ effective, evidence }), [effective, evidence]);
  const counts = useMemo(() => summarizeProgress(model.progressNodes, states, model.skipped).byNode, [model, states]);
  // Today as the browser's clock says, in UTC like the assignment's dates; a new day shows on the next render.
  const today = utcDay(new Date());
  const pacing = useMemo(() => rowPacing(model, effective, detail.assignment.startDate, today), [model, effective, detail.assignment.startDate, today]);
  const rowByKey = useMemo(() => new Map(detail.progress.map((row) => [row.stableKey, row])), [detail.progress]);
  const noteKeys = useMemo(() => new Set(detail.progress.filter((row) => row.note).map((row) => row.stableKey)), [detail.progress]);

  // An item asked for in the URL (a "next up" link) is unfolded and focused; else the hire's current section is open.
  const start = initialItem !== null && model.indexOf.has(initialItem) ? initialItem : null;
  const [folds, dispatch] = useReducer(foldsReducer, null, () => {
    const focusKey = start ?? detail.nextUp[0]?.key ?? null;
    const fold = defaultCollapsed(model, focusKey === null ? null : (model.nodes[model.indexOf.get(focusKey)!]?.sectionKey ?? null));
    return initialFolds(start ? revealed(fold, ancestorsOf(model, start)) : fold);
  });
  const search = useDeferredValue(normalizeSearch(folds.searchText));
  const { filter } = folds;
  const narrowed = isNarrowed({ search, filter });
  const [activeKey, setActiveKey] = useState<string | null>(start);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(() => (start ? { key: start, nonce: 1 } : null));
  const [openKey, setOpenKey] = useState<string | null>(openItem ? start : null);
  const { notice, show: showNotice } = useRowNotice();
  const [announcement, setAnnouncement] = useState("");
  // The section whose "Mark all done" waits for confirmation; its items are read again when confirmed.
  const [confirmingKey, setConfirmingKey] = useState<string | null>(null);

  const collapsed = foldsInEffect(folds, narrowed);
  const rows = useMemo(() => visibleRows(model, facts, { search, filter, collapsed }), [model, facts, search, filter, collapsed]);
  // The chips count within the search; the selected chip's count is what the search and filter found.
  const filterTotals = useMemo(() => filterCounts(model, facts, search), [model, facts, search]);
  const markable = useMemo(() => {
    const out = new Map<string, number>();
    if (!canWrite) return out;
    for (const node of model.nodes) if (node.kind === "SECTION" && !node.skipped) out.set(node.key, markAllDoneKeys(model, effective, node.key).length);
    return out;
  }, [canWrite, model, effective]);
  const tabbable = tabbableKey(rows, activeKey);

  const titleOf = useCallback((key: string) => model.nodes[model.indexOf.get(key) ?? -1]?.title ?? "This item", [model]);

  function focusRow(key: string) {
    setActiveKey(key);
    document.getElementById(rowDomId(key))?.focus();
  }

  function onCommand(command: TreeCommand, key: string) {
    const effect = rowEffect(command, key, rows, model);
    if (effect === null) return;
    if (effect.kind === "focus") return focusRow(effect.key);
    if (effect.kind === "fold") return dispatch({ type: "fold", key: effect.key, fold: effect.fold, narrowed });
    if (effect.kind === "open") {
      setActiveKey(key);
      return setOpenKey(key);
    }
    const space = spaceEffect(key, { rows, model, states, effective, canWrite });
    if (space.kind === "fold") return dispatch({ type: "fold", key, fold: space.fold, narrowed });
    if (space.kind === "refuse") showNotice(key, space.notice);
    else writes.setItem(key, titleOf(key), { state: space.to });
    setAnnouncement(space.announce);
  }

  // The tree is memoized and maps every row on screen: it gets one stable handler that
  // calls the latest onCommand, so renders for other reasons (a toast, the panel) skip it.
  const latestCommand = useRef(onCommand);
  useLayoutEffect(() => {
    latestCommand.current = onCommand;
  });
  const stableCommand = useCallback((command: TreeCommand, key: string) => latestCommand.current(command, key), []);

  // Stable, so the section rows that take it are not re-rendered by every change.
  const onMarkAll = useCallback((sectionKey: string) => setConfirmingKey(sectionKey), [setConfirmingKey]);
  const confirmingKeys = confirmingKey === null ? [] : markAllDoneKeys(model, effective, confirmingKey);

  function reveal(key: string) {
    dispatch({ type: "reveal", ancestors: ancestorsOf(model, key), narrowed });
    setActiveKey(key);
    setFocusRequest((current) => ({ key, nonce: (current?.nonce ?? 0) + 1 }));
  }

  const openNode = openKey === null ? null : (model.nodes[model.indexOf.get(openKey) ?? -1] ?? null);
  const path = openKey === null ? [] : ancestorsOf(model, openKey).reverse().map(titleOf);
  useItemInUrl(openKey);
  const hire = detail.assignment.assignee;
  const owner = viewerIsAssignee ? "Your" : `${hire.name?.trim() || hire.email}’s`;

  // j and k: the panel shows the next item on screen and the tree's row follows, scrolled into view.
  function movePanel(move: PanelMove) {
    if (openKey === null) return;
    const to = adjacentItem(rows, model, openKey, move);
    if (to === null) return setAnnouncement(move === "next" ? "This is the last item on screen." : "This is the first item on screen.");
    setActiveKey(to);
    setOpenKey(to);
    document.getElementById(rowDomId(to))?.scrollIntoView({ block: "nearest" });
  }

  // Closing returns focus to the row of the item the panel showed last.
  function closePanel() {
    if (openKey === null) return;
    const key = openKey;
    setOpenKey(null);
    setActiveKey(key);
    setFocusRequest((current) => ({ key, nonce: (current?.nonce ?? 0) + 1 }));
  }

  return (
    <article aria-labelledby="roadmap-heading" className="flex flex-col gap-3 sm:gap-5">
      <RoadmapHeader assignment={detail.assignment} viewerIsAssignee={viewerIsAssignee} />
      <NextUp items={detail.nextUp.slice(0, 3).map((item) => ({ ...item, evidenceRequired: model.nodes[model.indexOf.get(item.key) ?? -1]?.source.evidenceRequired ?? false }))} onReveal={reveal} />
      <RoadmapToolbar
        searchText={folds.searchText}
        onSearchText={(text) => dispatch({ type: "search", text })}
        filter={filter}
        onFilter={(next) => dispatch({ type: "filter", filter: next })}
        counts={filterTotals}
        results={narrowed ? filterTotals[filter] : null}
        rowsShown={rows.length > 0}
        viewerIsAssignee={viewerIsAssignee}
        onExpandAll={() => dispatch({ type: "setAll", collapsed: new Set(), narrowed })}
        onCollapseAll={() => dispatch({ type: "setAll", collapsed: allCollapsed(model.nodes), narrowed })}
      />
      <RoadmapKeys id="roadmap-keys" canWrite={canWrite} announcement={announcement} />

      {/* With the panel open the tree and the panel share the width, wider than the page's column on a large screen. */}
      <div className={openNode ? "grid gap-4 min-[641px]:grid-cols-[minmax(0,1fr)_min(26rem,50%)] xl:relative xl:left-1/2 xl:w-[min(80rem,calc(100vw-4rem))] xl:-translate-x-1/2 xl:grid-cols-[minmax(0,1fr)_30rem]" : undefined}>
        {rows.length === 0 ? (
          <NoMatches onClear={() => dispatch({ type: "clear" })} />
        ) : (
          <RoadmapTree
            label={`${detail.assignment.track.title} roadmap`}
            describedBy="roadmap-keys"
            model={model}
            rows={rows}
            states={states}
            effective={effective}
            evidence={evidence}
            counts={counts}
            pacing={pacing}
            noteKeys={noteKeys}
            tabbableKey={tabbable}
            openKey={openNode?.key ?? null}
            search={search}
            notice={notice}
            markable={markable}
            focusRequest={focusRequest}
            onCommand={stableCommand}
            onFocusRow={setActiveKey}
            onMarkAll={onMarkAll}
          />
        )}
        {openNode ? (
          <ItemPanel
            slug={slug}
            assignmentId={assignmentId}
            node={openNode}
            path={path}
            row={rowByKey.get(openNode.key)}
            effective={effective[model.indexOf.get(openNode.key)!]!}
            pacing={pacing[model.indexOf.get(openNode.key)!]}
            readOnly={!canWrite}
            conversationOpen={detail.assignment.status !== "ARCHIVED"}
            owner={owner}
            hasPrevious={adjacentItem(rows, model, openNode.key, "previous") !== null}
            hasNext={adjacentItem(rows, model, openNode.key, "next") !== null}
            onChange={(change, callbacks) => writes.setItem(openNode.key, openNode.title, change, callbacks)}
            onMove={movePanel}
            onClose={closePanel}
          />
        ) : null}
      </div>
      <ConfirmMarkAll
        section={confirmingKey === null ? null : { title: titleOf(confirmingKey), count: confirmingKeys.length }}
        onCancel={() => setConfirmingKey(null)}
        onConfirm={() => {
          if (confirmingKey !== null && confirmingKeys.length > 0) writes.markDone(confirmingKeys, titleOf(confirmingKey));
          setConfirmingKey(null);
        }}
      />
    </article>
  );
}
