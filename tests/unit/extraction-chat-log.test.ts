// Chat-meeting layouts (issue 14, engineering notes): IRC and MeetBot logs and summaries. Every text
// here is our own, shaped like the real logs; the tests read every candidate (no learnt threshold), so
// they check how a line is split, bound and dated, not whether the scorer keeps it.
import { describe, expect, it } from 'vitest';
import { layoutBlocks } from '../../src/extraction/layout.js';
import { splitSentences } from '../../src/extraction/split-sentences.js';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

const extract = (text: string, date = '2025-03-03') => extractEveryCandidate(text, { date });

describe('chat logs', () => {
  const log = [
    '22:00:02 <adrian_otto> #startmeeting Team Meeting',
    '22:00:03 <openstack> Meeting started Tue Mar 3 22:00:02 2025 UTC and is due to finish in 60 minutes.',
    '22:00:16 <adrian_otto> #topic Roll Call',
    '22:05:03 <adrian_otto> Please take a moment to review the election rules',
    '[22:06:10] <mdz> I will draft the plan tomorrow',
    '[22:07:00] <kees> #action kees to update the wiki page',
  ].join('\n');

  it('makes each turn a unit, cuts its timestamp and nick, and keeps the nick as the speaker', () => {
    expect(layoutBlocks(log)).toHaveLength(6);
    const sentences = splitSentences(log);
    expect(sentences.map((s) => s.text)).toEqual([
      'Please take a moment to review the election rules',
      'I will draft the plan tomorrow',
      'kees to update the wiki page',
    ]);
    expect(sentences.map((s) => s.speaker)).toEqual(['adrian_otto', 'mdz', 'kees']);
    expect(sentences[2].actionItem).toBe(true);
  });

  it('reads a request, a first-person promise bound to its speaker, and an #action line', () => {
    const items = extract(log);
    expect(items.map((i) => i.action)).toEqual(
      expect.arrayContaining([expect.stringMatching(/review the election rules/), 'draft the plan', 'update the wiki page']),
    );
    const draft = items.find((i) => i.action === 'draft the plan');
    expect(draft?.parties).toEqual(['mdz']);
    expect(draft?.deadline).toMatchObject({ kind: 'exact', due: '2025-03-04' });
    // The bot's line ("is due to finish …") and #topic are no one's promise.
    expect(items.some((i) => /finish|Roll Call/.test(i.quote))).toBe(false);
  });

  it('splits a MeetBot summary flattened into one line at each item and drops its "(nick, time)" tail', () => {
    const text =
      'Meeting summary * TOPIC: Interview questions (@chair:example.org, 14:07:55) * ACTION: @dana Send a mail to the list with the link (@chair:example.org, 14:11:57) * AGREED: Feedback is due by 19 March 2025 (@chair:example.org, 14:12:26)';
    const sentences = splitSentences(text);
    const action = sentences.find((s) => s.text.startsWith('@dana'));
    expect(action?.text).toBe('@dana Send a mail to the list with the link');
    expect(action?.actionItem).toBe(true);
    expect(sentences.find((s) => s.text.startsWith('Feedback'))?.decision).toBe(true);
    const mail = extract(text).find((i) => /Send a mail/.test(i.action));
    expect(mail?.parties).toEqual(['@dana']);
    expect(mail?.action).toBe('Send a mail to the list with the link');
  });
});

describe('notes owners and cues', () => {
  it('reads "(Name)" before a task as its owner', () => {
    const text = 'Actions\n\n- (Ann) agreed to collate the use cases on the wiki.\n- (Peter) signed up to provide training on the spec.';
    const items = extract(text);
    expect(items.map((i) => i.parties)).toEqual([['Ann'], ['Peter']]);
    expect(items.map((i) => i.action)).toEqual(['collate the use cases on the wiki', 'provide training on the spec']);
  });

  it('reads "Name will …" on an action line as a modal promise of that name', () => {
    const [item] = extract('Action items\n\n- Bill will send a pointer to the wiki location.');
    expect(item.parties).toEqual(['Bill']);
    expect(item.action).toBe('send a pointer to the wiki location');
  });

  it('splits a notes line of bare verbs after commas into one deed each', () => {
    const items = extract(
      'Action Items:\n  * [ ] Unlink SonarCloud, relink SonarCloud to ASWF\n  * [ ] Update the docs, tests and examples',
    );
    expect(items.map((i) => i.action)).toEqual(['Unlink SonarCloud', 'relink SonarCloud to ASWF', 'Update the docs, tests and examples']);
  });

  it('reads "offered to" and "volunteered to" as promises of their subject', () => {
    const items = extract('David offered to present a slide at the next meeting. Dave Jones volunteered to help mentor new projects.');
    expect(items.map((i) => i.parties)).toEqual([['David'], ['Dave Jones']]);
    expect(items[0].deadline.kind).toBe('event');
  });

  it("reads the notes' seasons and milestones as time phrases", () => {
    const [summer] = extract('IBM will deploy Egeria in production this summer.', '2019-03-06');
    expect(summer.deadline).toMatchObject({ kind: 'vague', due: '2019-08-31' });
    const [release] = extract('Joe will land the fix in the next release.');
    expect(release.deadline.kind).toBe('event');
  });
});
