/**
 * A deed put in the calendar rather than promised: "Mandy is meeting with the Palisades community on
 * March 21st", "John has a call scheduled with the JanusGraph community on March 27th", "There is a
 * planned meeting next week", "A joint meeting with NCC is planned for 13 October", "the AGM,
 * scheduled to hold on Friday, 21st June". Notes and minutes write what is arranged this way, with no
 * promise word; only a time the deed is set for makes it one. The scorer weighs the shape.
 */
import type { Cue } from './detect-cues.js';
import { findDeadlinePhrase } from './find-deadline-phrase.js';

// "is planned for", "are scheduled to", "has a call scheduled", "a planned meeting", "set to take place".
const ARRANGED =
  /\b(?:(?:is|are|was|were|been)\s+(?:now\s+|also\s+|tentatively\s+)?(?:scheduled|planned|slated|set|booked|arranged)\s+(?:to|for|on|at|in)\b|(?:has|have|had)\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:scheduled|planned|booked|arranged)\b|(?:an?|the)\s+(?:planned|scheduled|upcoming)\s+[a-z]|,?\s*scheduled\s+(?:to|for)\s+[a-z])/i;
// Minutes put a deed off to a day or a meeting ("action was deferred until the next meeting", "motion to
// table until September meeting", "carried over to the next meeting") or announce what is set for a day
// ("There will be a workshop on September 28"): the same arranged shape, said with other words.
const DEFERRED =
  /\b(?:(?:deferred|tabled|postponed|delayed|carried\s+(?:over|forward)|held\s+over)|(?:motion|moved|voted|agreed|decided)\s+to\s+(?:table|defer|postpone))\s+(?:until|till|to)\s+/i;
const THERE_WILL_BE =
  /\bthere\s+(?:will|shall)\s+be\s+(?:an?|the|another)\s+(?!(?:need|chance|opportunity|possibility|risk|problem|issue|cost|charge|fee|increase|decrease|reduction)\b)[a-z]/i;
// "Mandy is meeting with …", "IBM is preparing to deploy …": a present progressive; with a time ahead, a plan.
const PROGRESSIVE = /\b(?:is|are|am|'s|'re)\s+(?:(?:also|now|currently|still)\s+)?([a-z]+ing)\b/i;
// Progressives that describe a state or a report, not an arranged deed.
const NOT_A_PLAN =
  /^(?:being|having|going|saying|asking|seeing|expecting|hoping|looking|thinking|wondering|trying|considering|feeling|getting|becoming|remaining|continuing|missing|lacking|including|happening|existing|pending|working)$/i;

/** The cue an arranged, dated deed gives, or none: only when a time it is set for is in the sentence. */
export function scheduledCues(text: string): Cue[] {
  const phrase = findDeadlinePhrase(text);
  if (!phrase || phrase.sort === 'ongoing') return [];
  const deferred = DEFERRED.exec(text);
  const announced = deferred ? null : THERE_WILL_BE.exec(text);
  const arranged = ARRANGED.exec(text) ?? deferred ?? announced;
  const progressive = arranged ? null : PROGRESSIVE.exec(text);
  if (!arranged && (!progressive || NOT_A_PLAN.test(progressive[1]))) return [];
  const at = (arranged ?? progressive)!.index;
  // The subject is what comes before the verb phrase ("Mandy", "A joint meeting with NCC"); the whole
  // clause is the deed, since the arranged thing is often the subject itself.
  const subject = text.slice(0, at).trim();
  return [
    {
      type: 'scheduled',
      at,
      clauseStart: 0,
      actionStart: arranged ? 0 : at + progressive![0].length - progressive![1].length,
      subject: progressive && subject.split(/\s+/).length <= 4 ? subject : '',
      passive: false,
      weak: false,
      standing: false,
      flags: [
        arranged ? 'arranged_shape' : 'progressive_dated',
        ...(deferred ? ['deferred_shape'] : announced ? ['there_will_be'] : []),
        `scheduled_${phrase.sort}`,
        ...(/^(?:was|were|had)\b/i.test(arranged?.[0].trim() ?? '') ? ['past_frame'] : []),
      ],
    },
  ];
}
