/** The sentence a reminder or nudge notification reads as, in the list and the bell. */
import type { ReminderNotificationType, ReminderPayload } from "./reminder-kinds";

export function reminderText(type: ReminderNotificationType, who: string, payload: ReminderPayload & { daysLeft?: number; stuckDays?: number; inProgress?: boolean }): string {
  const track = `“${payload.trackTitle ?? "a track"}”`;
  const forHire = payload.role !== "mentor";
  const hire = payload.hireName ?? "Your mentee";
  const whose = forHire ? `Your track ${track}` : `${hire}’s track ${track}`;
  switch (type) {
    case "assignment.assigned":
      return forHire ? `${who} assigned you ${track}${payload.dueDate ? `, due ${payload.dueDate}` : ""}.` : `${who} made you a mentor of ${hire} on ${track}.`;
    case "reminder.due_soon": {
      const left = payload.daysLeft ?? 0;
      return `${whose} is due ${left <= 0 ? "today" : left === 1 ? "tomorrow" : `in ${left} days`} (${payload.dueDate}).`;
    }
    case "reminder.overdue":
      return `${whose} is overdue: it was due on ${payload.dueDate}.`;
    case "reminder.stuck":
      return `${forHire ? `On your track ${track}` : `On ${hire}’s track ${track}`}, ${payload.inProgress ? `an item has been in progress for ${payload.stuckDays} days` : `there has been no activity for ${payload.stuckDays} days`}.`;
    case "nudge":
      return `${who} nudged you: “${payload.message ?? ""}”`;
  }
}
