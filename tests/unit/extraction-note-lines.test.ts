// Meeting-notes layout and line shapes (issue 14, items 1 and 2): a list item's parent, a speaker
// line above a speaker's points, a "Next Steps:" list, and tasks written without a subject or a
// promise word. Every text here is our own, shaped like the real notes that were missed.
import { describe, expect, it } from 'vitest';
import { clauseShape } from '../../src/extraction/clause-shape.js';
import { featuresOf } from '../../src/extraction/candidate-features.js';
import { detectCues } from '../../src/extraction/detect-cues.js';
import { isGuess, isQuestionShape } from '../../src/extraction/discussion.js';
import { scoreCandidates } from '../../src/extraction/extract-commitments.js';
import { findDeadlinePhrase } from '../../src/extraction/find-deadline-phrase.js';
import { readDeadline } from '../../src/extraction/read-deadline.js';
import { layoutBlocks } from '../../src/extraction/layout.js';
import { taskLineCues } from '../../src/extraction/note-line.js';
import { scheduledCues } from '../../src/extraction/scheduled-cue.js';
import { splitSentences, type Sentence } from '../../src/extraction/split-sentences.js';
import { sentenceOf as bodySentence } from '../helpers/sentence-of.js';

// Notes' lines are list items unless a test says otherwise.
const sentenceOf = (text: string, extra: Partial<Sentence> = {}): Sentence => bodySentence(text, { listItem: true, ...extra });
const lineCue = (text: string, extra: Partial<Sentence> = {}) => taskLineCues(sentenceOf(text, extra), text)[0];

describe('the shape of a clause', () => {
  it('tells an imperative, a dropped-subject modal, "need to", a gerund and a noun phrase apart', () => {
    expect(clauseShape('Share links to the folder in the readme').head).toBe('imperative');
    expect(clauseShape('Will remove lock on Wed')).toMatchObject({ head: 'modal', word: 'will', actionStart: 5 });
    expect(clauseShape("Let's move it into FCP quickly")).toMatchObject({ head: 'modal', word: "let's" });
    expect(clauseShape('Need to document the standard actions')).toMatchObject({ head: 'need', actionStart: 8 });
    expect(clauseShape('Working on sponsors for the conference').head).toBe('gerund');
    expect(clauseShape('Open vote May 1')).toMatchObject({ head: 'noun', hasVerb: false });
  });
});

describe('a notes line read by its shape', () => {
  it('proposes a task with no subject, and says which shape it was', () => {
    // A dropped-subject "will" is read as the modal promise it is.
    expect(lineCue('Will remove lock on Wed')).toMatchObject({ type: 'modal', subject: '', actionStart: 5 });
    expect(lineCue('Will remove lock on Wed')?.flags).toEqual(expect.arrayContaining(['line_modal=will', 'modal_will', 'subject_dropped']));
    expect(lineCue("Let's move it into FCP quickly")).toMatchObject({ type: 'line' });
    expect(lineCue('Share links to the folder in the readme')?.flags).toContain('line_imperative');
    expect(lineCue('Security release next week')?.flags).toContain('line_dated');
  });

  it('takes the owner from "Name ->", a cut label or the speaker line above, but not from a topic label', () => {
    expect(lineCue('Eemeli -> Need to open up nominations')).toMatchObject({ subject: 'Eemeli' });
    expect(lineCue('Open office hours on Thursday', { label: 'Joe' })?.subject).toBe('Joe');
    expect(lineCue('Will write it up today', { speaker: 'Mark R' })).toMatchObject({ subject: 'Mark R' });
    expect(lineCue('Proposal: Move it to the CoC repo')?.subject).toBe('');
    expect(lineCue('Proposal: Move it to the CoC repo')?.flags).toContain('line_label_topic');
  });

  it('proposes nothing for a heading, a list head, a plain noun phrase or a long sentence', () => {
    expect(lineCue('Share the minutes', { heading: true })).toBeUndefined();
    expect(lineCue('Next Steps:')).toBeUndefined();
    expect(lineCue('Floor plan, days, logistics')).toBeUndefined();
    expect(lineCue(`Share ${'the long list of things that were discussed at length '.repeat(4)}`)).toBeUndefined();
  });

  it('leaves a sentence with a promise word to the other readers', () => {
    const cues = detectCues(sentenceOf('Dana will send the draft to the list by Friday.'));
    expect(cues.map((c) => c.type)).toEqual(['modal']);
  });
});

describe('nested notes layout', () => {
  const notes = [
    '## Notes',
    '',
    '* Mark R:',
    '    * Plans to submit and share',
    '    * Will write it up today',
    '* Status:',
    '    - Next Steps:',
    '        - send out the confirmations',
    '    - 100 people signed up',
  ].join('\n');

  it('gives each list item the item it hangs under', () => {
    const blocks = layoutBlocks(notes);
    const index = (t: string) => blocks.findIndex((b) => b.text.trim().startsWith(t));
    expect(blocks[index('* Will write')].parent).toBe(index('* Mark R:'));
    expect(blocks[index('- send out')].parent).toBe(index('- Next Steps:'));
    expect(blocks[index('- 100 people')].parent).toBe(index('* Status:'));
    expect(blocks[index('* Mark R:')].parent).toBeUndefined();
  });

  it('names the speaker above, and reads items under "Next Steps:" as tasks', () => {
    const sentences = splitSentences(notes);
    const of = (t: string) => sentences.find((s) => s.text.startsWith(t));
    expect(of('Will write')?.speaker).toBe('Mark R');
    expect(of('send out')?.actionItem).toBe(true);
    expect(of('100 people')?.actionItem).toBe(false);
  });

  it('drops an item struck through as done, its struck sub-points with it, and keeps the open ones', () => {
    const texts = splitSentences(
      [
        '#### Action Items',
        '* ~~Dana: Update the summit page. Also, post to the old threads.~~',
        '    * ~~2024-10-02: Done.~~',
        '* Sam: Send the invite for the ~~Tuesday~~ Thursday call.',
      ].join('\n'),
    ).map((s) => s.text);
    expect(texts.some((t) => /summit page|old threads|Done/.test(t))).toBe(false);
    expect(texts).toContain('Send the invite for the ~~Tuesday~~ Thursday call.');
  });

  it("keeps a label that says when as part of the line, and records a name label as the line's label", () => {
    const sentences = splitSentences('- This month: send out the confirmations\n- Joe: Open office hours on Thursday');
    expect(sentences[0].text).toBe('This month: send out the confirmations');
    expect(sentences[1]).toMatchObject({ text: 'Open office hours on Thursday', label: 'Joe' });
  });
});

describe('minutes printed from PDF', () => {
  it('joins a bullet glyph alone on its line with the item after it, capitals and all', () => {
    const blocks = layoutBlocks('·\nBank\nMandate forms. The bank wants these redone.\n·\nBus\nShelters. NB to order new signs.').map(
      (b) => b.text,
    );
    expect(blocks).toEqual(['· Bank Mandate forms. The bank wants these redone.', '· Bus Shelters. NB to order new signs.']);
  });

  it('does not take a topic and a sentence end for a label', () => {
    const [topic, action] = splitSentences('Bus Shelters. ACTION: NB to order new bus stop signs.');
    expect(topic.text).toBe('Bus Shelters.');
    expect(action.text).toBe('ACTION: NB to order new bus stop signs.');
  });
});

describe('notes conventions read by the layout and the readers', () => {
  const featuresFor = (sentence: Sentence) => {
    const [cue] = detectCues(sentence);
    return featuresOf({
      cue,
      sentence,
      action: sentence.text.slice(cue.actionStart),
      frame: '',
      phrase: undefined,
      partIndex: 0,
      sentenceFlags: [],
      intentOnly: false,
    });
  };

  it('says how deep a list item hangs', () => {
    const [topic, point] = splitSentences(
      '## Consented Decisions\n\n- Dana will send the notes\n    - Dana will review the cadence',
    ).filter((s) => s.listItem);
    expect([topic.depth, point.depth]).toEqual([0, 1]);
    expect(featuresFor(point)).toMatchObject({ list_depth_1: 1 });
    expect(featuresFor(topic)).toMatchObject({ list_depth_0: 1 });
  });

  it('reads a date with no preposition, but only when no other phrase is there', () => {
    expect(findDeadlinePhrase('Open vote May 1')).toMatchObject({ text: 'May 1', sort: 'exact' });
    expect(findDeadlinePhrase('Next meeting: 22 May 2019')).toMatchObject({ text: '22 May 2019' });
    expect(findDeadlinePhrase('Report by Friday on the 3 May incident')?.text).toBe('by Friday');
    expect(findDeadlinePhrase('we may 12 times')).toBeUndefined();
  });

  it('does not cut a request as a label, and finds "please" after a comma', () => {
    const [request] = splitSentences('- Please submit entries for summit: https://example.org/summit');
    expect(request.text.startsWith('Please submit')).toBe(true);
    expect(detectCues(sentenceOf('Any members who are interested, please self-nominate')).map((c) => c.type)).toEqual(['imperative']);
    expect(
      detectCues(sentenceOf('A proposal from V8 for hook changes [#188](https://example.org/188) please take a look.')).map((c) => c.type),
    ).toEqual(['imperative']);
  });

  it('keeps the time in a one-word notes task', () => {
    // The candidate, whatever the scorer makes of it: with "once a month" taken out, one word would be left.
    const { candidates } = scoreCandidates('## Decisions\n\n- Dana will send the notes\n    - Review once a month', { date: '2025-03-03' });
    const review = candidates.find((c) => c.item.quote.includes('Review'));
    expect(review?.item.action).toBe('Review once a month');
    expect(review?.item.deadline.kind).toBe('ongoing');
  });

  it('does not take a task line full of names for a title', () => {
    const task = featuresFor(sentenceOf('Clerk and JL to complete War Memorials Trust Grant Application form.', { listItem: false }));
    expect(task.title_case).toBeUndefined();
    const title = featuresFor(sentenceOf('Mayors Pledge to Cut Carbon Emissions in Half', { listItem: false }));
    expect(title.title_case).toBe(1);
  });
});

describe('discussion written down beside the tasks', () => {
  it('knows a question without its question mark', () => {
    for (const q of [
      'will there be public session',
      'Should we try to ask all@ or leads for feedback',
      'Do Mara or Eric want to commit to being co-lead now.',
      'How to develop these practices across our projects.',
      'Is this ready?',
    ])
      expect(isQuestionShape(q)).toBe(true);
    for (const t of ['Will remove lock on Wed', 'Should set up an annual review of this list', 'Dana will send the draft.'])
      expect(isQuestionShape(t)).toBe(false);
  });

  it('knows a guess from a promise', () => {
    expect(isGuess('People will likely still believe')).toBe(true);
    expect(isGuess('I think we will want asynchronous decision making')).toBe(true);
    expect(isGuess('Dana will send the draft by Friday')).toBe(false);
  });
});

describe('the next meeting, as minutes and notes announce it', () => {
  it('proposes the announcement with its date, numbered, labelled or said in a sentence', () => {
    const text = '* Next meeting: 9 October 2019\n\n8/ Next meeting 6 October 2014\n\nNext Meeting will be on the 2nd March. 2019\n';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [s.text, Boolean(s.heading)])).toEqual([
      ['Next meeting: 9 October 2019', false],
      ['Next meeting 6 October 2014', false],
      ['Next Meeting will be on the 2nd March.', false],
      ['2019', false],
    ]);
    const { candidates } = scoreCandidates(text, { date: '2019-09-25' });
    expect(candidates.map((c) => [c.item.quote, c.item.deadline.kind])).toEqual([
      ['Next meeting: 9 October 2019', 'exact'],
      ['Next meeting 6 October 2014', 'exact'],
      ['Next Meeting will be on the 2nd March.', 'exact'],
    ]);
    expect(candidates[0].features.label_line).toBeUndefined();
  });
});

describe('minutes phrasings of agreement and reminder', () => {
  it('reads "agreed in principle to" and "were reminded to" as the promise and the duty they are', () => {
    expect(detectCues(sentenceOf('WH had agreed in principle to paint it.', { listItem: false }))[0]).toMatchObject({
      type: 'commissive',
      subject: 'WH',
    });
    expect(detectCues(sentenceOf('Councillors were reminded to complete their forms.', { listItem: false })).map((c) => c.type)).toEqual([
      'directive',
    ]);
  });
});

describe('the times notes write', () => {
  const due = (text: string) => readDeadline(findDeadlinePhrase(text), false, '2025-09-15', 'UTC');
  it('reads a shortened weekday, today and a capitalised "This month"', () => {
    expect(due('Will remove lock on Wed')).toMatchObject({ kind: 'exact', due: '2025-09-17' });
    expect(due('NH has a meeting on Mon afternoon')).toMatchObject({ kind: 'exact', due: '2025-09-22' });
    expect(due('Will write up today and FCP this')).toMatchObject({ kind: 'exact', due: '2025-09-15' });
    expect(due('This month: send out confirmations')).toMatchObject({ kind: 'exact', due: '2025-09-30' });
    expect(findDeadlinePhrase('the Friday team')).toBeUndefined();
    // The day of the news is no deadline.
    expect(findDeadlinePhrase('Today, 16 cities pledged to cut emissions')).toBeUndefined();
    expect(findDeadlinePhrase('The company announced today that it will redeem the notes')).toBeUndefined();
  });
});

describe('words that open a notes line but name nobody', () => {
  it('does not read "Proposal to …", "OK to …" or "Consent to …" as an owner and a task', () => {
    for (const line of ['Proposal to read it here and give feedback', 'OK to spend time to read it', 'Consent to agenda items'])
      expect(detectCues(sentenceOf(line)).filter((c) => c.type === 'shorthand' || c.type === 'infinitive')).toEqual([]);
    expect(detectCues(sentenceOf('Clerk to write to the owner'))[0]).toMatchObject({ subject: 'Clerk' });
  });
});

describe('numbered minute items', () => {
  it('reads "12. RESOLVED that the clerk …" as a decision line, as with a comma or colon', () => {
    const [item] = splitSentences('12. RESOLVED that the clerk writes to the highways authority about the drain.');
    expect(item).toMatchObject({ text: 'the clerk writes to the highways authority about the drain.', decision: true });
    expect(detectCues(item).map((c) => c.type)).toEqual(['decision']);
  });
});

describe('a deed put in the calendar (our own sentences, shaped like the real ones missed)', () => {
  it('proposes an arranged or progressive deed that has a time, with its subject', () => {
    expect(scheduledCues('Priya is meeting with the docs team on March 21st.')[0]).toMatchObject({
      type: 'scheduled',
      subject: 'Priya',
      flags: expect.arrayContaining(['progressive_dated']),
    });
    expect(scheduledCues('Sam has a call scheduled with the vendor on March 27th.')[0]?.flags).toContain('arranged_shape');
    expect(scheduledCues('A joint meeting with the county is planned for 13 October.')[0]?.flags).toContain('arranged_shape');
    expect(scheduledCues('The review was scheduled to end on Friday.')[0]?.flags).toContain('past_frame');
  });

  it('proposes nothing without a time, nor for a progressive that reports a state', () => {
    expect(scheduledCues('Priya is meeting with the docs team.')).toEqual([]);
    expect(scheduledCues('We are expecting a reply next week.')).toEqual([]);
  });

  it('is weighed as a candidate of its own when no promise word is there', () => {
    const [candidate] = scoreCandidates('Priya is meeting with the docs team on March 21st.', { date: '2024-03-06' }).candidates;
    expect(candidate.features).toMatchObject({ type_scheduled: 1, progressive_dated: 1 });
    expect(candidate.item.deadline).toMatchObject({ kind: 'exact', due: '2024-03-21' });
  });
});
