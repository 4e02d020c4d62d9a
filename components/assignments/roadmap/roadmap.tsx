"use client";

import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { utcDay } from "@/lib/assignments/pacing";
import { summarizeProgress } from "@/lib/progress/progress-math";
import { ConfirmMarkAll } from "./confirm-mark-all";
import { ItemPanel } from "./item-panel";
import { markAllDoneKeys } from "./mark-all-done";
import { RoadmapHeader } from "./roadmap-header";
import { ancestorsOf, effectiveStates, roadmapModelOf, statesOf } from "./roadmap-model";
import { RoadmapToolbar } from "./roadmap-toolbar";
import { rowDomId } from "./roadmap-row";
import { RoadmapTree } from "./roadmap-tree";
import { rowPacing } from "./row-pacing";
import type { FocusRequest } from "./roadmap-tree";
import { STATE_LABEL } from "./state-labels";
import { leftAction, moveTo, rightAction, spaceAction } from "./tree-navigation";
import type { SpaceAction, TreeCommand } from "./tree-navigation";
import type { AssignmentDetailJson } from "./types";
import { useProgressWrites } from "./use-progress-writes";
import { allCollapsed, defaultCollapsed, filterCounts, isNarrowed, normalizeSearch, revealed, visibleRows } from "./visible-rows";
import type { StateFilter } from "./visible-rows";

const NOTICE_MS = 4000;

const REFUSAL: Record<Extract<SpaceAction, { kind: "refuse" }>["why"], { notice: string; announce: string }> = {
  "needs evidence": { notice: "needs evidence", announce: "needs evidence: it is done when a mentor approves it." },
  skipped: { notice: "skipped", announce: "was skipped by your manager and does not count." },
  "not applicable": { notice: "not applicable", announce: "is marked not applicable; press Enter to change it." },
  "not applicable above": { notice: "not applicable above", announce: "is under an item marked not applicable." },
  "read-only": { notice: "read-only", announce: "cannot be changed here: this is someone else’s progress." },
};

/**
 * The roadmap of one assignment: the tree with its sections' progress, search
 * and state filters, the keyboard, the item panel, and the hire's writes.
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
  const counts = useMemo(() => summarizeProgress(model.progressNodes, states, model.skipped).byNode, [model, states]);
  // Today as the browser's clock says, in UTC like the assignment's dates; a new day shows on the next render.
  const today = utcDay(new Date());
  const pacing = useMemo(() => rowPacing(model, effective, detail.assignment.startDate, today), [model, effective, detail.assignment.startDate, today]);
  const rowByKey = useMemo(() => new Map(detail.progress.map((row) => [row.stableKey, row])), [detail.progress]);
  const noteKeys = useMemo(() => new Set(detail.progress.filter((row) => row.note).map((row) => row.stableKey)), [detail.progress]);

  // An item asked for in the URL (a "next up" link) is unfolded and focused; else the hire's current section is open.
  const start = initialItem !== null && model.indexOf.has(initialItem) ? initialItem : null;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => {
    const focusKey = start ?? detail.nextUp[0]?.key ?? null;
    const fold = defaultCollapsed(model, focusKey === null ? null : (model.nodes[model.indexOf.get(focusKey)!]?.sectionKey ?? null));
    return start ? revealed(fold, ancestorsOf(model, start)) : fold;
  });
  // While searching or filtering, folds start open and are kept apart from the ordinary ones.
  const [narrowCollapsed, setNarrowCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [searchText, setSearchText] = useState("");
  const search = useDeferredValue(normalizeSearch(searchText));
  const [filter, setFilter] = useState<StateFilter>("all");
  const narrowed = isNarrowed({ search, filter });
  const [activeKey, setActiveKey] = useState<string | null>(start);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(() => (start ? { key: start, nonce: 1 } : null));
  const [openKey, setOpenKey] = useState<string | null>(openItem ? start : null);
  const [notice, setNotice] = useState<{ key: string; text: string } | null>(null);
  const noticeTimer = useRef<number | undefined>(undefined);
  const [announcement, setAnnouncement] = useState("");
  // The section whose "Mark all done" waits for confirmation; its items are read again when confirmed.
  const [confirmingKey, setConfirmingKey] = useState<string | null>(null);

  const rows = useMemo(() => visibleRows(model, effective, { search, filter, collapsed: narrowed ? narrowCollapsed : collapsed }), [model, effective, search, filter, narrowed, narrowCollapsed, collapsed]);
  const stateCounts = useMemo(() => filterCounts(model, effective), [model, effective]);
  const markable = useMemo(() => {
    const out = new Map<string, number>();
    if (!canWrite) return out;
    for (const node of model.nodes) if (node.kind === "SECTION" && !node.skipped) out.set(node.key, markAllDoneKeys(model, effective, node.key).length);
    return out;
  }, [canWrite, model, effective]);
  const tabbableKey = activeKey !== null && rows.some((row) => row.key === activeKey) ? activeKey : (rows[0]?.key ?? null);

  const titleOf = useCallback((key: string) => model.nodes[model.indexOf.get(key) ?? -1]?.title ?? "This item", [model]);

  function setFold(key: string, fold: boolean) {
    const update = (current: ReadonlySet<string>) => {
      if (current.has(key) === fold) return current;
      const next = new Set(current);
      if (fold) next.add(key);
      else next.delete(key);
      return next;
    };
    if (narrowed) setNarrowCollapsed(update);
    else setCollapsed(update);
  }

  function focusRow(key: string) {
    setActiveKey(key);
    document.getElementById(rowDomId(key))?.focus();
  }

  function showNotice(key: string, text: string) {
    window.clearTimeout(noticeTimer.current);
    setNotice({ key, text });
    noticeTimer.current = window.setTimeout(() => setNotice(null), NOTICE_MS);
  }

  function onSpace(key: string) {
    const index = model.indexOf.get(key)!;
    const node = model.nodes[index]!;
    const own = states.get(key) ?? "NOT_STARTED";
    const action = spaceAction({ leaf: node.leaf, evidenceRequired: node.source.evidenceRequired, own, effective: effective[index]!, readOnly: !canWrite });
    if (action.kind === "fold") return setFold(key, rows.find((row) => row.key === key)?.expanded ?? false);
    if (action.kind === "refuse") {
      showNotice(key, REFUSAL[action.why].notice);
      return setAnnouncement(`“${node.title}” ${REFUSAL[action.why].announce}`);
    }
    writes.setItem(key, node.title, { state: action.to });
    setAnnouncement(`“${node.title}”: ${STATE_LABEL[action.to].toLowerCase()}.`);
  }

  function onCommand(command: TreeCommand, key: string) {
    switch (command) {
      case "previous":
      case "next":
      case "first":
      case "last": {
        const target = moveTo(rows, key, command);
        if (target) focusRow(target);
        return;
      }
      case "left":
      case "right": {
        const action = command === "left" ? leftAction(rows, key, (child) => model.nodes[model.indexOf.get(child)!]!.parentKey) : rightAction(rows, key);
        if (action?.kind === "focus") focusRow(action.key);
        else if (action) setFold(action.key, action.kind === "collapse");
        return;
      }
      case "fold": {
        const row = rows.find((candidate) => candidate.key === key);
        if (row?.expandable) setFold(key, row.expanded);
        return;
      }
      case "space":
        return onSpace(key);
      case "open":
        // A section has no state or note of its own: Enter unfolds or folds it.
        if (model.nodes[model.indexOf.get(key)!]!.kind === "SECTION") return onCommand("fold", key);
        setActiveKey(key);
        return setOpenKey(key);
      case "actions":
        return;
    }
  }

  // The tree is memoized and maps every row on screen: it gets one stable handler that
  // calls the latest onCommand, so renders for other reasons (a toast, the panel) skip it.
  const latestCommand = useRef(onCommand);
  useLayoutEffect(() => {
    latestCommand.current = onCommand;
  });
  const stableCommand = useCallback((command: TreeCommand, key: string) => latestCommand.current(command, key), []);

  // Stable, so the section rows that take it are not re-rendered by every change.
  const onMarkAll = useCallback((sectionKey: string) => setConfirmingKey(sectionKey), []);
  const confirmingKeys = confirmingKey === null ? [] : markAllDoneKeys(model, effective, confirmingKey);

  function reveal(key: string) {
    if (narrowed) clearNarrowing();
    setCollapsed((current) => revealed(current, ancestorsOf(model, key)));
    setActiveKey(key);
    setFocusRequest((current) => ({ key, nonce: (current?.nonce ?? 0) + 1 }));
  }

  function changeSearch(text: string) {
    setSearchText(text);
    setNarrowCollapsed(new Set());
  }

  function changeFilter(next: StateFilter) {
    setFilter(next);
    setNarrowCollapsed(new Set());
  }

  function clearNarrowing() {
    changeSearch("");
    changeFilter("all");
  }

  const openNode = openKey === null ? null : (model.nodes[model.indexOf.get(openKey) ?? -1] ?? null);
  const path = openKey === null ? [] : ancestorsOf(model, openKey).reverse().map(titleOf);
  const nextUp = detail.nextUp.slice(0, 3);

  return (
    <article aria-labelledby="roadmap-heading" className="flex flex-col gap-5">
      <RoadmapHeader assignment={detail.assignment} viewerIsAssignee={viewerIsAssignee} />

      {nextUp.length > 0 ? (
        <section aria-labelledby="next-up-heading" className="flex flex-wrap items-center gap-2 text-sm">
          <h2 id="next-up-heading" className="font-semibold">
            Next up:
          </h2>
          {nextUp.map((item) => (
            <Button key={item.key} variant="ghost" size="sm" className="h-7 max-w-full truncate border border-border" onClick={() => reveal(item.key)}>
              {item.title}
            </Button>
          ))}
        </section>
      ) : null}

      <RoadmapToolbar
        searchText={searchText}
        onSearchText={changeSearch}
        filter={filter}
        onFilter={changeFilter}
        counts={stateCounts}
        onExpandAll={() => (narrowed ? setNarrowCollapsed(new Set()) : setCollapsed(new Set()))}
        onCollapseAll={() => (narrowed ? setNarrowCollapsed(allCollapsed(model)) : setCollapsed(allCollapsed(model)))}
      />

      <p id="roadmap-keys" className="text-xs text-muted-foreground">
        In the list: ↑ ↓ move · ← → fold and unfold · {canWrite ? "Space marks an item done (or not) · " : ""}Enter opens an item{canWrite ? " · Shift+F10 on a section: its actions" : ""}
      </p>
      <p role="status" className="sr-only">
        {announcement}
      </p>

      {rows.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
          <p>No items match this search and filter.</p>
          <Button variant="secondary" size="sm" onClick={clearNarrowing}>
            Clear search and filter
          </Button>
        </div>
      ) : (
        <RoadmapTree
          label={`${detail.assignment.track.title} roadmap`}
          describedBy="roadmap-keys"
          model={model}
          rows={rows}
          states={states}
          effective={effective}
          counts={counts}
          pacing={pacing}
          noteKeys={noteKeys}
          tabbableKey={tabbableKey}
          search={search}
          notice={notice}
          markable={markable}
          focusRequest={focusRequest}
          onCommand={stableCommand}
          onFocusRow={setActiveKey}
          onMarkAll={onMarkAll}
        />
      )}

      <ItemPanel
        slug={slug}
        assignmentId={assignmentId}
        node={openNode}
        path={path}
        row={openKey === null ? undefined : rowByKey.get(openKey)}
        effective={openNode ? effective[model.indexOf.get(openNode.key)!]! : "NOT_STARTED"}
        pacing={openNode ? pacing[model.indexOf.get(openNode.key)!] : undefined}
        readOnly={!canWrite}
        conversationOpen={detail.assignment.status !== "ARCHIVED"}
        onChange={(change, callbacks) => openNode && writes.setItem(openNode.key, openNode.title, change, callbacks)}
        onClose={() => setOpenKey(null)}
      />
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
