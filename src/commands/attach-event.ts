/**
 * Gives an event-kind deadline its workspace event: joins a close existing name
 * ("new government formed" meets "the formation of the new government") or creates `E-n`.
 */
import type { Deadline } from '../commitments/deadline.js';
import { dueOnceEventHappened } from '../commitments/event-due.js';
import { eventMatchKey, eventSimilarity, JOIN_THRESHOLD, OFFER_THRESHOLD } from '../commitments/event-names.js';
import type { Clock } from '../ports/clock.js';
import type { EventRecord, Store } from '../store/store.js';

export interface AttachedEvent {
  deadline: Deadline;
  event?: EventRecord;
  created?: boolean;
  /** Other events whose names are close but not close enough to join. */
  similar: EventRecord[];
}

/** What attaching needs: the store, the time, and whose events to look in (commands and `import`). */
export interface EventScope {
  store: Store;
  clock: Clock;
  workspaceId: string;
}

export async function attachEvent({ store, clock, workspaceId }: EventScope, deadline: Deadline): Promise<AttachedEvent> {
  if (deadline.kind !== 'event' || deadline.eventId) return { deadline, similar: [] };
  const events = await store.events.list(workspaceId);
  const scored = events
    .map((event) => ({
      event,
      score: event.matchKey === eventMatchKey(deadline.eventName) ? 1 : eventSimilarity(event.name, deadline.eventName),
    }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  let event: EventRecord;
  let created = false;
  if (best && best.score >= JOIN_THRESHOLD) {
    event = best.event;
  } else {
    event = await store.events.create({
      workspaceId,
      name: deadline.eventName,
      matchKey: eventMatchKey(deadline.eventName),
      createdAt: clock.now().toISOString(),
    });
    created = true;
  }
  const similar = scored.filter((s) => s.event.id !== event.id && s.score >= OFFER_THRESHOLD).map((s) => s.event);
  const joined = { ...deadline, eventId: event.id };
  const dated = event.occurredOn ? { ...joined, due: dueOnceEventHappened(joined, event.occurredOn) } : joined;
  return { deadline: dated, event, created, similar };
}

/** The reply line about the event: what was joined or created, and close names to merge by hand. */
export function eventLine(attached: AttachedEvent): string | undefined {
  if (!attached.event) return undefined;
  const { event } = attached;
  const head = attached.created ? `New event ${event.id} "${event.name}"` : `Joined event ${event.id} "${event.name}"`;
  const happened = event.occurredOn ? ` (happened ${event.occurredOn})` : ` — confirm it with \`event ${event.id} <date>\` when it happens`;
  const similar = attached.similar.length > 0 ? ` Similar: ${attached.similar.map((e) => `${e.id} "${e.name}"`).join(', ')}.` : '';
  return `${head}${happened}.${similar}`;
}
