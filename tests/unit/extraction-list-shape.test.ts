// A list's shape from its siblings, promises given as nouns, owned targets, "by the year 2040" and
// to-do marks (issue 14). Every text here is our own, shaped like the real texts that were missed.
import { describe, expect, it } from 'vitest';
import { featuresOf } from '../../src/extraction/candidate-features.js';
import { detectCues } from '../../src/extraction/detect-cues.js';
import { findDeadlinePhrase } from '../../src/extraction/find-deadline-phrase.js';
import { isDeedItem, listShapes } from '../../src/extraction/list-shape.js';
import { readDeadline } from '../../src/extraction/read-deadline.js';
import { splitSentences } from '../../src/extraction/split-sentences.js';
import { sentenceOf } from '../helpers/sentence-of.js';

const item = (text: string, parent = 0) => ({ text, listItem: true, parent, section: 'notes' });

describe('a list item read as a deed or a topic', () => {
  it('reads a verb-led line or a named doer as a deed', () => {
    expect(isDeedItem('Send the draft to legal')).toBe(true);
    expect(isDeedItem('Ana to book the room for May')).toBe(true);
    expect(isDeedItem('@dana will send the minutes')).toBe(true);
  });

  it('reads a bare noun, a one-word line or a gerund as a topic', () => {
    for (const topic of ['Budget', 'Release', 'Roads update', 'Hiring', 'Membership numbers']) expect(isDeedItem(topic)).toBe(false);
  });
});

describe('the shape of a whole list', () => {
  it('calls a list of three or more deeds a list of deeds, and one of topics a list of topics', () => {
    const deeds = listShapes([
      { text: 'Next steps', listItem: false, section: '' },
      item('Send the draft to legal'),
      item('Ana to book the room'),
      item('Update the wiki page'),
    ]);
    expect([...deeds.values()]).toEqual(['deeds', 'deeds', 'deeds']);
    const topics = listShapes([
      { text: 'Agenda', listItem: false, section: '' },
      ...['Budget', 'Roads update', 'Hiring', 'Membership numbers'].map((t) => item(t)),
    ]);
    expect([...topics.values()]).toEqual(['topics', 'topics', 'topics', 'topics']);
  });

  it('says nothing of a short list or a mixed one', () => {
    expect(listShapes([item('Budget'), item('Send the draft')]).size).toBe(0);
    expect(listShapes(['Budget', 'Hiring', 'Send the draft', 'Update the wiki', 'Roads update'].map((t) => item(t))).size).toBe(0);
  });

  it('marks the sentences of each list, and the scorer sees the mark', () => {
    const sentences = splitSentences(
      '## Agenda\n\n- Budget\n- Hiring\n- Roads update\n\n## Next steps\n\n- Send the draft\n- Book the room\n- Ana to call the venue\n',
    );
    const shapeOf = (text: string) => sentences.find((s) => s.text === text)?.listShape;
    expect(shapeOf('Budget')).toBe('topics');
    expect(shapeOf('Send the draft')).toBe('deeds');
    const sentence = sentences.find((s) => s.text === 'Ana to call the venue');
    const cue = sentence ? detectCues(sentence)[0] : undefined;
    expect(cue).toBeDefined();
    if (!sentence || !cue) return;
    const features = featuresOf({
      cue,
      sentence,
      action: 'call the venue',
      frame: '',
      phrase: undefined,
      partIndex: 0,
      sentenceFlags: [],
      intentOnly: false,
    });
    expect(features.list_of_deeds).toBe(1);
  });
});

describe('a promise given as a noun', () => {
  it('finds "made a commitment to" and "announced an industry-leading pledge to"', () => {
    const made = detectCues(sentenceOf('Ørsted has made a commitment to phase out coal by 2023.'));
    expect(
      made.some(
        (c) => c.type === 'nominal' && /^phase out/.test('Ørsted has made a commitment to phase out coal by 2023.'.slice(c.actionStart)),
      ),
    ).toBe(true);
    const text = 'The airline announced an industry-leading pledge to reach net zero by 2050.';
    const pledged = detectCues(sentenceOf(text));
    expect(pledged.some((c) => c.type === 'nominal' && text.slice(c.actionStart).startsWith('reach net zero'))).toBe(true);
    // "pledge" after "an industry-leading" is the noun, not a verb whose subject is "an industry-leading".
    expect(pledged.some((c) => /industry-leading\s*$/.test(c.subject))).toBe(false);
  });

  it('still reads "pledge" and "resolve" as verbs after a subject', () => {
    const text = 'The members pledge to report their emissions every year.';
    expect(detectCues(sentenceOf(text)).some((c) => c.type === 'commissive' && text.slice(c.actionStart).startsWith('report'))).toBe(true);
  });
});

describe('a target named with its owner', () => {
  it('reads "the Mission\'s 2030 target of" as an owned target', () => {
    const text = "The plan supports the Mission's 2030 target of 100 climate-neutral cities.";
    expect(detectCues(sentenceOf(text)).some((c) => c.flags?.includes('own_target'))).toBe(true);
  });
});

describe('"by the year 2040"', () => {
  it('is an exact deadline at the end of that year', () => {
    const phrase = findDeadlinePhrase('reach net zero by the year 2040');
    expect(phrase?.text).toMatch(/year 2040/);
    const due = readDeadline(phrase, false, '2025-09-15', 'UTC');
    expect(due.kind).toBe('exact');
    expect(JSON.stringify(due)).toContain('2040');
  });
});

describe('a to-do mark', () => {
  it('makes its line a task and names its owner, accents kept', () => {
    const [sentence] = splitSentences('Publish the schedule on the website [TODO Stéfan]');
    expect(sentence.actionItem).toBe(true);
    expect(detectCues(sentence).some((c) => c.subject === 'Stéfan')).toBe(true);
  });

  it('makes a line with "(TODO: …)" a task too', () => {
    expect(splitSentences('Ask the venue about parking (TODO: confirm with Mia)')[0].actionItem).toBe(true);
  });
});
