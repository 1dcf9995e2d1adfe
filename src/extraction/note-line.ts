/**
 * A task written the way meeting notes write it, read from the shape of its line rather than from a
 * promise word: an owner before a colon or arrow ("Joe: …", "Eemeli -> …", the speaker cut as the
 * line's label), then a clause whose subject was dropped ("Will remove lock on Wed", "Need to
 * document …"), a bare verb ("Share links to the folder") or a dated noun phrase ("Open vote May 1",
 * "Next meeting: 22 May 2019"). It proposes a candidate and says which shape it was; the scorer,
 * trained on real notes, decides which shapes promise and which only narrate.
 */
import { clauseShape } from './clause-shape.js';
import type { Cue } from './detect-cues.js';
import { findDeadlinePhrase } from './find-deadline-phrase.js';
import type { Sentence } from './split-sentences.js';

// "Joe: …", "Eemeli -> …", "ehuss: …", "@dana: …": who the line is about, before a colon or arrow.
const OWNER_PREFIX = /^(@[\w.-]+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}|[a-z][\w-]{1,20})\s*(?:->|→|=>|:)\s+(?=\S)/;
// Labels that name a topic or a kind of note, not a person.
const NOT_AN_OWNER =
  /^(?:note|notes|goal|proposal|decision|decisions|link|links|labels?|time|re|next|update|status|question|questions|reminder|agenda|topic|summary|context|background|outcome|result|results|action|actions|todo|ai|minutes|present|attendees|regrets|apologies|facilitator|scribe|chair|date|location|where|when|why|what|who|how|ok|yes|no|edit|fyi|tl;?dr|consensus|discussion|comments?|concerns?|options?|pros?|cons?|plan|issue|issues|pr|rfc|motion|vote|observation|aside|meta|also)$/i;
const NEXT_MEETING = /^(?:\d{1,2}\s*[./)]\s*)?(?:the\s+)?next\s+meeting\b(?!\s+(?:of|is|was)\s+(?:the\s+)?(?:agenda|minutes))/i;
// A notes line is short; a long sentence with no promise word is prose, and other readers have it.
const MAX_LINE = 160;

/** Who a label names, when it names someone: "Joe", "Eric Huss", "ehuss", "@dana". */
export function ownerOf(label: string): string | undefined {
  const l = label.trim();
  if (NOT_AN_OWNER.test(l) || findDeadlinePhrase(l)) return undefined;
  return /^(?:@[\w.-]+|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}|[a-z][\w-]{1,20}|All|Everyone)$/.test(l) ? l : undefined;
}

/** The candidate a notes line proposes by its shape, or none. `text` is the sentence's (quotes normalised). */
export function taskLineCues(sentence: Sentence, text: string): Cue[] {
  if (sentence.heading || text.length > MAX_LINE || /:\s*$/.test(text) || !/[a-z]{2}/.test(text)) return [];
  const flags: string[] = [];
  let from = 0;
  let owner = sentence.label ? ownerOf(sentence.label) : undefined;
  // "* Mark R:" then "    * Will write up today": the speaker above owns the line.
  if (!owner && sentence.speaker) owner = ownerOf(sentence.speaker);
  const prefix = OWNER_PREFIX.exec(text);
  if (prefix) {
    const named = ownerOf(prefix[1]);
    if (named) owner = named;
    else flags.push(findDeadlinePhrase(prefix[1]) ? 'line_label_time' : 'line_label_topic');
    from = prefix[0].length;
  }
  const rest = text.slice(from);
  if (rest.split(/\s+/).length < 2) return [];
  // "8/ Next meeting 6 October 2014", "Next Meeting will be on the 2nd March", "The next meeting to be
  // held on Tuesday January 30th": minutes and notes announce the next meeting; the body will hold it.
  if (NEXT_MEETING.test(text) && findDeadlinePhrase(text))
    return [
      {
        type: 'line',
        at: 0,
        clauseStart: 0,
        actionStart: 0,
        subject: '',
        passive: false,
        weak: false,
        standing: false,
        flags: ['line_dated', 'next_meeting'],
      },
    ];
  const shape = clauseShape(rest);
  let actionStart = from + shape.actionStart;
  if (shape.head === 'modal') flags.push('line_modal', `line_modal=${shape.word.replace(/\s+/g, '_')}`);
  else if (shape.head === 'need') flags.push('line_need');
  // (A subjectless "To be confirmed at the next meeting." was tried as a shape too: CV F1 0.654 -> 0.653.)
  else if (shape.head === 'imperative') flags.push('line_imperative');
  // (A gerund head — "Working on sponsors" — was tried: 4 tasks in 62 such lines, most of them topics.)
  else if (shape.head === 'noun' && !shape.hasVerb && findDeadlinePhrase(rest)) {
    // "Open vote May 1", "Next meeting: 22 May 2019": the whole line is the deed and its date.
    flags.push('line_dated');
    actionStart = 0;
  } else return [];
  // (Flags for an owner, a speaker line above, an issue link and a "Next steps:" frame were tried and
  // dropped: each changed CV F1 by 0.000, the owner flag by -0.002.)
  if (owner) flags.push('subject_named');
  else if (/^(?:we|i)\b/i.test(rest)) flags.push('subject_we');
  // "Will remove lock on Wed" is a modal promise whose subject the notes dropped: it is read as one.
  // (So read, "should"/"must" lines cost 0.001 CV F1 and bare imperatives as the "imperative" type 0.011.)
  const type = shape.head === 'modal' && /^(?:will|shall|'ll)$/.test(shape.word) ? 'modal' : 'line';
  if (type === 'modal') flags.push(`modal_${shape.word === "'ll" ? 'will' : shape.word}`, 'subject_dropped');
  return [
    {
      type,
      at: from,
      clauseStart: 0,
      actionStart,
      subject: owner ?? '',
      passive: false,
      weak: false,
      // (Left to the standing-duty model: as a scorer feature, a standing verb on a bare line taught it little.)
      standing: false,
      flags,
    },
  ];
}
