// Which deadline kind an extracted promise gets, one row per general rule: bracketed numerals, firm caps
// inside soft wording, periods counted from now, and standing or recurring duties. Sentences of our own.
import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../src/extraction/extract-commitments.js';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';

// How each promise is dated, apart from whether the learnt scorer keeps it (the corpus evaluation judges that).
const extract = (text: string, date = '2025-04-07') => extractEveryCandidate(text, { date });

describe('deadline kinds of extracted promises (said on Mon 7 Apr 2025)', () => {
  it.each<[string, string, string | null]>([
    // A numeral in brackets repeats the count word.
    [
      'The Seller shall deliver the disclosure schedules no later than five (5) Business Days after the date of this Agreement.',
      'exact',
      '2025-04-14',
    ],
    ['The Buyer shall pay the deposit within fifteen (15) days after the date of this Agreement.', 'exact', '2025-04-22'],
    // A firm cap inside soft wording wins.
    [
      'As promptly as reasonably practicable, and in any event within ten (10) Business Days after the date of this Agreement, the Buyer shall file the notice.',
      'exact',
      '2025-04-21',
    ],
    // "within the next year" is a year from now, not the end of next year.
    ['The ministry will open twenty new clinics within the next year.', 'exact', '2026-04-07'],
    ['The contractor will repair the bridge within the next month.', 'exact', '2025-05-07'],
    // Standing and recurring duties.
    ['The two institutes will exchange students on an annual basis.', 'ongoing', null],
    ['Every vendor must obtain a permit and renew it each year by June 30.', 'ongoing', null],
    ['The navies agreed to strengthen ties, including through regular joint naval exercises.', 'ongoing', null],
    ['The company will give $2 million over four years to a scholarship fund.', 'ongoing', null],
    ['For a period of three (3) years from and after the Closing, the Buyer shall maintain the insurance policies.', 'ongoing', null],
    ['For a period of eighteen months following the Closing, the Buyer shall keep the head office in Leeds.', 'ongoing', null],
    ['The shelter will no longer accept used mattresses, effective immediately.', 'ongoing', null],
    // A meeting named by its month is held by the month's end (the next March after 7 Apr 2025), as real
    // minutes are labelled; occasions without a day: maturity, completion of a stage.
    ['Rosa will prepare the draft work plan for the March meeting.', 'exact', '2026-03-31'],
    ['AI: Rosa - roll the bond over at maturity.', 'event', null],
    ['Upon completion of the withdrawal, each Party shall hand over its maps of minefields.', 'event', null],
    // "its next annual meeting" is one occasion, not a recurrence.
    ['The company said it will publish a climate report before its next annual meeting of shareholders.', 'event', null],
    ['The two ministers will hold annual consultations.', 'ongoing', null],
    // Extending a term to a date is done by that date; a state kept until a date stays a standing one.
    // (A council extending its own mission's mandate commits nobody: see extraction-formal.test.ts.)
    ['The Council will renew until 30 September 2026 the lease of the depot;', 'exact', '2026-09-30'],
    ['The parties will extend the travel arrangements set out in paragraph 3 until 15 March 2026;', 'exact', '2026-03-15'],
    ['The board decided that the fees would remain unchanged until December.', 'ongoing', null],
  ])('%s → %s %s', (sentence, kind, due) => {
    const items = extract(sentence);
    expect(items).toHaveLength(1);
    expect(items[0].deadline).toMatchObject({ kind, due });
  });

  it('gives a recurrence to its own act, not to the next promise in the sentence', () => {
    const items = extract('The two universities will exchange lecturers on an annual basis and will share a field station in Otago.');
    expect(items.map((i) => i.deadline.kind)).toEqual(['ongoing', 'none']);
  });

  it.each<[string, string, string | null]>([
    // A count from a named event is an event; from the text's own signing it stays a date.
    ['The Army shall reopen the northern road within 48 hours of the withdrawal of the militias.', 'event', null],
    ['The Parties shall exchange lists of detainees within 10 days of the signing of this Agreement.', 'exact', '2025-04-17'],
    ['The council will publish its response no later than ten (10) Business Days after the public inquiry.', 'event', null],
    // When the text dates the event, a counted offset works the date out.
    ['The town hearing is on May 20. Ana to circulate the draft budget at least one week before the hearing.', 'exact', '2025-05-13'],
    [
      'The Parties shall stop all hostilities with effect from 1 May 2025. The Army shall reopen the northern road within 72 hours of the cessation of hostilities.',
      'exact',
      '2025-05-04',
    ],
  ])('%s → %s %s', (text, kind, due) => {
    const items = extract(text);
    expect(items.at(-1)?.deadline).toMatchObject({ kind, due });
  });

  it('leaves a bare "before the hearing" an event even when the hearing is dated', () => {
    const items = extract(
      'The second hearing will take place on May 20. Council directed the clerk to revise Section 2 before the second hearing.',
    );
    expect(items.at(-1)?.deadline.kind).toBe('event');
  });

  it('keeps "over the next five years" a period that ends', () => {
    const [item] = extract('The company will invest $40 million over the next five years in the plant.');
    expect(item.deadline).toMatchObject({ kind: 'exact', due: '2030-04-07' });
  });

  it('still reads "effective immediately" as urgency when the act is done once', () => {
    const [item] = extract('The director will step down, effective immediately.');
    expect(item.deadline.kind).toBe('vague');
  });

  it.each<[string, string]>([
    ['The secretary will circulate the final draft within the next couple of weeks.', '2025-05-07'],
    ['Members who have not yet named a delegate will do it ASAP.', '2025-04-21'],
    ['The Board urges all members in arrears to pay their dues in an expeditious manner.', '2025-04-21'],
  ])('reads the lexicon term in "%s" as vague', (text, due) => {
    const [item] = extract(text);
    expect(item.deadline).toMatchObject({ kind: 'vague', due });
  });

  it('dates a deed by a relative clause that schedules it', () => {
    const [item] = extract('The grocer will expand home delivery, which is expected to be in 200 stores by the end of the year.');
    expect(item.deadline).toMatchObject({ kind: 'exact', due: '2025-12-31' });
  });

  it('does not take a news dateline for the deadline', () => {
    const [item] = extract('DAYTON, Ohio, Apr. 7 /PRNewswire/ -- Acme Foods will close its Dayton bakery.');
    expect(item.deadline.kind).toBe('none');
  });

  it.each<[string, string]>([
    ['I will send out an introductory email to each group once I have talked to Philip.', 'once I have talked to Philip'],
    ['Once the raw specification is merged the group will move forward with derivatives.', 'Once the raw specification is merged'],
    [
      'The Company intends to make further distributions if and when it sells its remaining assets.',
      'if and when it sells its remaining assets',
    ],
    ['Ana to send the link to the list when ready.', 'when ready'],
  ])('reads a deed that waits on another in "%s" as an event', (text, phrase) => {
    const [item] = extract(text);
    expect(item.deadline).toMatchObject({ kind: 'event', text: phrase });
  });
});

describe('session 9: phrases that were missed or read as the wrong kind (said on Mon 7 Apr 2025)', () => {
  it.each<[string, string, string | null]>([
    ['The next meeting of the ministers will be held in the first semester of 2026 in Lisbon.', 'exact', '2026-06-30'],
    ['It was agreed to convene a meeting in the latter half of December in Colombo.', 'exact', '2025-12-31'],
    ['The board will hold a workshop in the first half of May.', 'exact', '2025-05-15'],
    ['The contractor advised the work would be carried out July/August.', 'exact', '2025-08-31'],
    ['The decision will be made on the 17th and we will be notified on the 18th.', 'exact', '2025-04-18'],
    ['The company expects to commence operations this August.', 'exact', '2025-08-31'],
    ['The process of reflection shall culminate next March.', 'exact', '2026-03-31'],
    ['The growers will be transitioned to the Chattanooga plant within approx. 90 days.', 'exact', '2025-07-06'],
    ['The company committed to permanently close its Carson facility on or around July 25, 2025.', 'exact', '2025-07-25'],
    ['The company also expects to sublease the facility upon exit.', 'event', null],
    ['The unsold inventory will be moved on the date of closure to the other warehouses.', 'event', null],
    ['The Director will report to the 42nd Directing Council on the collection of contributions.', 'event', null],
    ['The clerk was to advertise for bids in the next issue of the Pilot.', 'event', null],
    ['The culvert will be worked on before winter arrives.', 'event', null],
  ])('%s → %s %s', (text, kind, due) => {
    const items = extract(text);
    expect(items.at(-1)?.deadline).toMatchObject({ kind, due });
  });

  it('keeps "will permanently close" without a day a standing state', () => {
    const [item] = extract('The company will permanently close the plant.');
    expect(item.deadline.kind).toBe('ongoing');
  });

  it('does not read "on the 5th floor" as a day of the month', () => {
    const [item] = extract('The clerk will set up the room on the 5th floor.');
    expect(item.deadline.kind).not.toBe('exact');
  });

  it('keeps "please do so ASAP" after a not-yet clause a promise of its own, not an anaphora', () => {
    const text = 'If you have not yet named your representative, please do so ASAP.';
    const { candidates } = scoreCandidates(text, { date: '2025-04-07' });
    const candidate = candidates.find((c) => c.item.action === 'do so');
    expect(candidate?.item.deadline.kind).toBe('vague');
    expect(candidate?.features.anaphoric_action).toBeUndefined();
    const agreed = scoreCandidates('Dr. Patel agreed to do so.', { date: '2025-04-07' }).candidates.find((c) => c.item.action === 'do so');
    expect(agreed?.features.anaphoric_action).toBe(1);
  });
});

describe('a deed brought to a coming meeting waits on that meeting', () => {
  it.each<[string, string]>([
    ['The Secretariat shall report to the 29th meeting of the Animals Committee on the matter.', 'report on the matter'],
    ['The Conference decided to defer consideration to its 17th meeting.', 'defer consideration'],
    ['The committee shall provide a report during its 2026 Meeting.', 'provide a report'],
    ['The group will discuss the timeline in some future meeting.', 'discuss the timeline'],
  ])('%s', (text, action) => {
    const [item] = extract(text);
    expect(item.action).toBe(action);
    expect(item.deadline.kind).toBe('event');
  });

  it('leaves "to the next version" a thing moved to, not an occasion', () => {
    expect(extract('We agreed to move to the next version of Node.')[0].deadline.kind).toBe('none');
  });
});

describe('the coming weekend, and "by no later than"', () => {
  it('reads "over the weekend" and "this weekend" as the coming weekend (said on a Monday)', () => {
    const [item] = extract('Sam will review the plugin over the weekend.');
    expect(item).toMatchObject({ action: 'review the plugin', deadline: { kind: 'exact', due: '2025-04-12' } });
    expect(extract("I'll send the notes this weekend.")[0].deadline).toMatchObject({ kind: 'exact', due: '2025-04-12' });
  });

  it('takes the "by" of "by no later than" out of the action with its phrase', () => {
    const [item] = extract('We will achieve 70% cage-free sales by no later than the end of 2030.');
    expect(item).toMatchObject({ action: 'achieve 70% cage-free sales', deadline: { kind: 'exact', due: '2030-12-31' } });
  });
});
