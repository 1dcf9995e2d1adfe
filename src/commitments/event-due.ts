/** The due date an event deadline gets once its event is confirmed: event date ± the offset. */
import { addDays } from './calendar.js';
import type { CalendarDate, EventDeadline } from './deadline.js';

export function dueOnceEventHappened(deadline: EventDeadline, occurredOn: CalendarDate): CalendarDate {
  if (deadline.relation === 'before') return addDays(occurredOn, -deadline.offsetDays);
  if (deadline.relation === 'at') return occurredOn;
  return addDays(occurredOn, deadline.offsetDays);
}
