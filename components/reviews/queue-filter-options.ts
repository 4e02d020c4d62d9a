/**
 * The queue's filter choices from the assignments the viewer reviews (pure, tested in
 * queue-filter-options.test.ts): the hires of those assignments (a mentor's mentees; for
 * owners and admins everyone who holds one), never the viewer, whose own attempts the
 * queue never lists; and their tracks, which are published ones (an assignment is always
 * of a published version), by name.
 */
export interface OptionPerson {
  id: string;
  name: string | null;
  email: string;
}

export interface QueueFilterOptions {
  hires: OptionPerson[];
  tracks: { id: string; title: string }[];
}

const byName = (person: OptionPerson) => (person.name?.trim() || person.email).toLocaleLowerCase();

export function queueFilterOptions(assignments: readonly { assignee: OptionPerson; track: { id: string; title: string } }[], viewerId: string): QueueFilterOptions {
  const hires = new Map<string, OptionPerson>();
  const tracks = new Map<string, { id: string; title: string }>();
  for (const { assignee, track } of assignments) {
    if (assignee.id === viewerId) continue;
    hires.set(assignee.id, assignee);
    tracks.set(track.id, track);
  }
  return {
    hires: [...hires.values()].sort((a, b) => byName(a).localeCompare(byName(b))),
    tracks: [...tracks.values()].sort((a, b) => a.title.localeCompare(b.title)),
  };
}
