// The formal genres (resolutions, pledges, joint statements, filings): constructions their texts use
// that the cues once missed. Each shown on sentences of our own, through detectCues and the extractor.
import { describe, expect, it } from 'vitest';
import { detectCues } from '../../src/extraction/detect-cues.js';
import { extractCommitments } from '../../src/extraction/extract-commitments.js';
import type { Sentence } from '../../src/extraction/split-sentences.js';
import { firstCueFeatures } from '../helpers/first-cue-features.js';

const sentence = (text: string): Sentence => ({ text, start: 0, zone: 'body' }) as Sentence;
const cuesOf = (text: string) =>
  detectCues(sentence(text)).map((c) => ({ type: c.type, subject: c.subject, action: text.slice(c.actionStart) }));
const extract = (text: string, date = '2025-05-07') => extractCommitments(text, { date });

describe('a directive whose addressee carries an apposition or a list', () => {
  it('reads "requested the Secretary-General, Ana Ruiz, to submit …"', () => {
    const [cue] = cuesOf('The Council requested the Secretary-General, Ana Ruiz, to submit a report by 31 January.');
    expect(cue).toMatchObject({ type: 'directive', subject: 'the Secretary-General, Ana Ruiz', action: 'submit a report by 31 January.' });
  });

  it('reads a listed addressee closed by a comma before "to"', () => {
    const [cue] = cuesOf('Urges all regional bodies, relevant agencies and other interested parties, to cooperate fully with the Panel;');
    expect(cue).toMatchObject({ type: 'appeal', action: 'cooperate fully with the Panel;' });
    expect(cue.subject).toMatch(/other interested parties$/);
  });

  it('does not run the addressee across a new clause', () => {
    const cues = cuesOf('The chair asked about the budget, and the board agreed to publish the accounts.');
    expect(cues.some((c) => c.type === 'directive')).toBe(false);
  });

  it('reads an appeal made as a gerund ("…, calling on the Taliban to create …")', () => {
    const cues = cuesOf('The Council extended the mandate for six months, calling on the authorities to form an inclusive government.');
    expect(cues).toContainEqual(
      expect.objectContaining({ type: 'appeal', subject: 'the authorities', action: 'form an inclusive government.' }),
    );
  });

  it('takes the commitment with its own deadline', () => {
    const [item] = extract('The Council requested the Secretary-General, Ana Ruiz, to submit a report by 31 January 2026.');
    expect(item.deadline).toMatchObject({ kind: 'exact', due: '2026-01-31' });
  });
});

describe('"Decides to remain seized of the matter"', () => {
  it('is a cue to keep a state, not a verb of state, and a standing one', () => {
    const [cue] = detectCues(sentence('Decides to remain seized of the matter.'));
    expect(cue.flags ?? []).not.toContain('state_verb');
    const [item] = extract('4. Decides to remain actively seized of the matter.');
    expect(item?.deadline.kind).toBe('ongoing');
  });

  it('still reads "will remain a member" as a state', () => {
    const [cue] = detectCues(sentence('Kelvaria will remain a member of the council.'));
    expect(cue.flags).toContain('state_verb');
  });
});

describe('a pledge list whose items open with a bare verb, without bullets', () => {
  const text = [
    'Signatories to the Harbour Pledge agree to:',
    '',
    'Measure and report their emissions on a regular basis.',
    '',
    'Implement reduction strategies in line with the regional plan.',
    '',
    'Progress reports were sent to all members last year.',
  ].join('\n');

  it('reads each verb-led line as an item of the list the frame introduces', () => {
    const items = extract(text).map((c) => c.action);
    expect(items).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Measure and report their emissions/), expect.stringMatching(/^Implement reduction/)]),
    );
    expect(items.some((a) => /Progress reports/.test(a))).toBe(false);
  });

  it('tells a verb-led line from a subject and its verb', async () => {
    const { opensWithImperative } = await import('../../src/extraction/imperative-line.js');
    expect(opensWithImperative('Measure and report emissions.')).toBe(true);
    expect(opensWithImperative('Ensure residents have access to clean energy.')).toBe(true);
    expect(opensWithImperative('Progress reports were sent.')).toBe(false);
    expect(opensWithImperative('Mayors signing onto the declaration will act.')).toBe(false);
  });
});

describe('results and effects read as forecasts, not deeds', () => {
  it('marks a result in the accounts ("will record charges", "expects to realize savings")', async () => {
    const shape = firstCueFeatures;
    expect(shape('Harbour Foods will record pre-tax charges of about $5.0 million.').forecast).toBe(1);
    expect(shape('The company expects to realize $3.0 million in annual savings.').forecast).toBe(1);
    expect(shape('The Declaration will enable a just and equitable energy transition.').forecast).toBe(1);
    // A party's own deed, and a body of people as the subject, are not.
    expect(shape('Harbour Foods will redeem all of its 6.95% notes on 15 June.').forecast).toBeUndefined();
    expect(shape('The commission will create a register of claims.').forecast).toBeUndefined();
  });

  it('tells a thing from a body of people', async () => {
    const { isThingsEffect } = await import('../../src/extraction/agentivity.js');
    expect(isThingsEffect('An ambitious new target', 'galvanize')).toBe(true);
    expect(isThingsEffect("Mayors' actions", 'create')).toBe(true);
    expect(isThingsEffect('the government', 'create')).toBe(false);
    expect(isThingsEffect('it', 'help')).toBe(false);
    expect(isThingsEffect('The Declaration', 'sign')).toBe(false);
  });
});

describe('a time phrase governs only its own clause', () => {
  it("passes over a phrase inside a noun's modifier for the one that opens the sentence", async () => {
    const { findGoverningPhrase } = await import('../../src/extraction/find-deadline-phrase.js');
    const span =
      'Upon termination of the Agreement, Harbour, under conditions including a court order permanently prohibiting the Merger, ';
    expect(findGoverningPhrase(span)?.text).toBe('Upon termination of the Agreement');
  });

  it('keeps a phrase after "that" or just before the deed', async () => {
    const { findGoverningPhrase } = await import('../../src/extraction/find-deadline-phrase.js');
    expect(findGoverningPhrase('We commit that by May 2026 ')?.text).toBe('by May 2026');
    expect(findGoverningPhrase('The two sides will immediately ')?.text).toBe('immediately');
  });

  it('reads a termination fee owed upon termination as an event', () => {
    const [item] = extract(
      'Upon termination of the Merger Agreement, Harbour, under specified circumstances, including a final order permanently prohibiting the Merger, will be required to pay the Company a termination fee of $80 million.',
    );
    expect(item.deadline.kind).toBe('event');
  });
});

describe('vague and named phrases the formal texts use', () => {
  it.each([
    ['Requests the Secretary-General to take the measures necessary to ensure its earliest possible deployment;', 'vague'],
    ['Mayors signing the declaration will take immediate actions to accelerate the transition.', 'vague'],
    ['We have decided on a pathway of intensified engagement over the coming weeks on market access.', 'vague'],
    ['Calls on both Governments to impose, with immediate effect, restrictions on the movements of the leaders;', 'vague'],
    ['The resolution demands that all parties immediately end the fighting throughout South Sudan.', 'vague'],
    ['Harbour Telecom will redeem all of its outstanding 6.95% senior notes due 2060.', 'none'],
  ])('%s -> %s', (text, kind) => {
    const [item] = extract(text);
    expect(item?.deadline.kind).toBe(kind);
  });

  it('still reads a period named "throughout Phase One" as standing', () => {
    const [item] = extract('The Parties shall maintain the ceasefire throughout Phase One.');
    expect(item.deadline.kind).toBe('ongoing');
  });
});

describe('occasions the formal texts name without a day are events', () => {
  it.each([
    'The two sides agreed to send a delegation to the festival to be held in Riverton in mid-August.',
    'They agree to jointly participate in international sports events such as the 2030 Coastal Games.',
    'Note holders will also receive accrued interest to the redemption date.',
    'If the Merger Agreement is terminated under specified circumstances, Harbour will be required to pay a termination fee of $40 million.',
    'The agreement provides that, in connection with the termination of the Merger Agreement, Parent will be required to pay a fee of $90 million.',
  ])('%s', (text) => {
    const [item] = extract(text);
    expect(item?.deadline.kind).toBe('event');
  });

  it('keeps a dated occasion and a deed that is itself held in a month exact', () => {
    expect(extract('A new round of reunions is to be held at the resort in March 2026.')[0]?.deadline).toMatchObject({
      kind: 'exact',
      due: '2026-03-31',
    });
    expect(extract('The Council will send a delegation to the conference to be held on 14 March 2026.')[0]?.deadline.kind).toBe('exact');
  });
});

describe('a "must" said of a class is a norm, not a promise', () => {
  it.each([
    'To limit warming to 1.5C, global emissions must be cut by 45% by 2030.',
    'And crucially, countries must embed climate action at the core of their strategies.',
  ])('takes nothing from: %s', (text) => {
    expect(extract(text)).toEqual([]);
  });

  it('tells a bare subject from a named or determined one', async () => {
    const { isBareSubject } = await import('../../src/extraction/agentivity.js');
    expect(isBareSubject('all major emitters')).toBe(true);
    expect(isBareSubject('The Council')).toBe(false);
    expect(isBareSubject('Harbour Foods')).toBe(false);
    expect(isBareSubject('the parties')).toBe(false);
    expect(isBareSubject('we')).toBe(false);
  });
});

describe('a target a party sets itself, said with a noun', () => {
  it('reads "has a goal of … by <month>" and "has set … goal of …" as cues', () => {
    const [goal] = cuesOf('The Board has a goal of six projects accepted into the foundation by October 2027.');
    expect(goal).toMatchObject({ type: 'nominal', action: 'six projects accepted into the foundation by October 2027.' });
    const [set] = cuesOf('Going forward, Harbour Bank has set an even higher internal hiring goal of 30 percent of new hires.');
    expect(set).toMatchObject({ type: 'nominal', action: '30 percent of new hires.' });
  });

  it('is not a target when nobody sets it ("the goals of the Agreement")', () => {
    expect(cuesOf('The goals of the Agreement are ambitious.').some((c) => c.type === 'nominal')).toBe(false);
  });
});

describe('a kind of redemption is not its time', () => {
  it('reads "fund the partial early redemption using proceeds" with no deadline', () => {
    const [item] = extract('Harbour Telecom will fund the partial early redemption using proceeds from its recent issue of notes.');
    expect(item?.deadline.kind).toBe('none');
  });

  it('still reads "the early resolution of the dispute" as vague', () => {
    const [item] = extract('The two sides will work towards the early resolution of the dispute.');
    expect(item?.deadline.kind).not.toBe('none');
  });
});

describe('nouns and emphasis that look like promises', () => {
  it.each([
    'In the statement they reaffirmed their will to implement the agreement adopted by the talks.',
    'According to a joint statement, they agreed on the importance of completing the projects.',
    'The two sides agree on the importance of continued donor assistance.',
  ])('takes nothing from: %s', (text) => {
    expect(extract(text)).toEqual([]);
  });

  it('still takes "will" as a modal and "agreed on" a deed', () => {
    expect(extract('The two sides will implement the agreement by June 2026.')).toHaveLength(1);
    expect(extract('The ministers agreed on a joint work plan for the corridor.')).toHaveLength(1);
  });
});

describe("a council extending a mandate commits nobody (the real corpus's convention)", () => {
  it('takes nothing from the extension, whatever stands between verb and mandate', () => {
    expect(extract('1. Decides to extend until 12 June 2027 the mandate of the Panel of Experts;')).toEqual([]);
    expect(extract('(b) To renew the mandate of the Observer Force for another period of six months;')).toEqual([]);
  });

  it('keeps the request made in the same sentence', () => {
    const items = extract(
      'Decides to extend the mandate of the Panel until 12 June 2027, and requests the Secretary-General to take the necessary administrative measures to this effect;',
    );
    expect(items.map((i) => i.action)).toEqual([expect.stringMatching(/take the necessary administrative measures/)]);
  });

  it('reads "will continue to be guided by" as an attitude (a state, which the scorer weighs)', () => {
    const [cue] = detectCues(sentence('We will also continue to be guided by our shared desire to create jobs.'));
    expect(cue.flags).toContain('state_verb');
  });
});

describe('a share of a recurring flow is a standing policy', () => {
  it('marks "give at least 50 percent of their grant dollars" and "channel a majority of" with kind_share', async () => {
    const { standingFeatures } = await import('../../src/extraction/standing-duty.js');
    const [cue] = detectCues(sentence('The foundations will give at least 50 percent of their grant dollars to underserved communities.'));
    const f = standingFeatures({
      cue,
      action: 'give at least 50 percent of their grant dollars to underserved communities',
      frame: 'The foundations will ',
      partStanding: false,
      startsDuty: false,
    });
    expect(f.kind_share).toBe(1);
    const g = standingFeatures({
      cue,
      action: 'submit a report to the board',
      frame: 'The foundations will ',
      partStanding: false,
      startsDuty: false,
    });
    expect(g.kind_share).toBeUndefined();
  });

  it('reads such a pledge as ongoing', () => {
    const [item] = extract('The signatories will give at least 50 percent of their grant dollars to help underserved communities.');
    expect(item?.deadline.kind).toBe('ongoing');
  });
});

describe("a company's scheduled payment said with a noun", () => {
  it('reads a notice of redemption with its day', () => {
    const [item] = extract(
      'Harbour Telecom announced that it has given notice today of a partial redemption on September 2, 2026 of US$300 million of its notes.',
    );
    expect(item).toMatchObject({ deadline: { kind: 'exact', due: '2026-09-02' } });
    expect(item.action).toMatch(/partial redemption/);
  });

  it('reads a dividend payable on a day, and "will be payable on"', () => {
    const [raised] = extract(
      'The Board authorized the increase of its quarterly cash dividend to eight cents ($0.08) per share payable July 9, 2026, to all shareholders of record.',
    );
    expect(raised).toMatchObject({ deadline: { kind: 'exact', due: '2026-07-09' } });
    const [declared] = extract(
      'The dividends declared will be payable on November 26, 2025 to stockholders of record on November 12, 2025.',
    );
    expect(declared).toMatchObject({ deadline: { kind: 'exact', due: '2025-11-26' } });
  });

  it('still reads a quarterly report as a recurrence', () => {
    const [item] = extract('The Company will report quarterly to the board on the closure.');
    expect(item?.deadline.kind).toBe('ongoing');
  });
});

describe('"agreed in principle to"', () => {
  it('is a commissive cue like "agreed to"', () => {
    const [cue] = cuesOf('The two sides also agreed in principle to resume the military talks in June.');
    expect(cue).toMatchObject({ type: 'commissive', action: 'resume the military talks in June.' });
  });
});

describe("a resolution's subjunctive", () => {
  it('reads "demands the X immediately cease …" without "that", with X as the party', () => {
    const [item] = extract(
      'It demands the transitional government immediately cease obstructing the mission in the performance of its mandate.',
    );
    expect(item).toMatchObject({ action: expect.stringMatching(/^cease obstructing the mission/), parties: ['transitional government'] });
    expect(item.deadline.kind).toBe('vague');
  });

  it('does not take an adjective for the verb ("that the national commission submit …")', () => {
    const [item] = extract('Decides that the national commission submit its report by June 2026.');
    expect(item).toMatchObject({ action: 'submit its report', parties: ['national commission'] });
  });
});
