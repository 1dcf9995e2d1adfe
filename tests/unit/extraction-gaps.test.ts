// Extraction rules for the general gaps: forward guidance, reported speech, quotes, wire datelines,
// nominal forms, coordinated objects and preambles. Each rule is shown on sentences of our own.
import { describe, expect, it } from 'vitest';
import { extractEveryCandidate } from '../helpers/extract-every-candidate.js';
import { extractCommitments } from '../../src/extraction/extract-commitments.js';

const extract = (text: string, date = '2025-05-07') => extractCommitments(text, { date });

describe('forward guidance and statements of intent are not commitments', () => {
  it.each([
    'In setting policy, the Board will carefully assess incoming data and the balance of risks.',
    'The Council will continue to monitor the implications of new information for the region.',
    'The Bank is strongly committed to supporting stable prices and full employment.',
    'The Authority seeks to achieve stable prices and full employment.',
    'The Board decided to raise the policy rate by 1/2 percentage point to 3 percent.',
  ])('takes nothing from: %s', (sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  it('still takes monitoring with a cadence and follow-ups', () => {
    expect(extract('We will continue to monitor progress annually.')).toHaveLength(1);
    expect(extract('Miguel will follow up with the city about bus passes.')).toHaveLength(1);
    expect(extract('We are committed to reaching net-zero emissions by 2040.')).toHaveLength(1);
  });
});

describe('directives and restatements', () => {
  it('reads "its dual mandate and …" as a noun, not a directive', () => {
    expect(extract('The Board is attentive to its dual mandate and judges that risks to growth have risen.')).toEqual([]);
  });

  it('takes "directs X, effective <date>, to …" as a standing duty that starts then', () => {
    const [item] = extract(
      'The Board directs the Trading Desk, effective 1 June 2025, to buy bonds as necessary to keep yields in a range.',
    );
    expect(item).toMatchObject({ parties: ['Trading Desk'], deadline: { kind: 'ongoing', due: null } });
  });

  it('keeps two promises about the same things by different parties apart', () => {
    const items = extract(
      'The Board will continue reducing its holdings of state bonds and county bonds. ' +
        'The Board directs the Trading Desk to reinvest into state bonds all payments from its holdings of county bonds.',
    );
    expect(items).toHaveLength(2);
  });
});

describe('reported speech, quotes and nominal orders', () => {
  it('takes a promise reported after said / announced that, with any subject', () => {
    const [staff] = extract('The Director said staff would present the revised budget at the June 2 meeting.');
    expect(staff).toMatchObject({ deadline: { kind: 'exact', due: '2025-06-02' } });
    const [siren] = extract('The governor announced that new flood gauges would be installed by the end of the current fiscal year.');
    expect(siren).toMatchObject({ deadline: { kind: 'exact', due: '2025-06-30' } }); // the fiscal year ends on 30 June
  });

  it.each([
    '"We will not allow this to happen again.',
    'Every school must have a shelter plan before the season starts," she said.',
    'Okafor said his office "will not hesitate" to sue builders who ignore the code.',
    'The mayor said price gouging would not be tolerated.',
    'The review will cover bridges built before 1970, the department said.',
  ])('takes no rhetoric or scope from: %s', (sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  it('takes "ordered an immediate audit" as a vague commitment of the one who ordered it', () => {
    const [audit] = extract('Transport Minister Ana Ruiz on Monday ordered an immediate inspection of all 80 rail bridges.');
    expect(audit.action).toMatch(/inspection of all 80 rail bridges/);
    expect(audit.deadline).toMatchObject({ kind: 'vague', due: '2025-05-14' });
  });

  it('ends a promise at a mid-sentence attribution and a dangling conjunction', () => {
    const items = extract(
      'The agency will release 3 million dollars to the towns by next week, Lee said, adding that the money would go to shelters.',
    );
    expect(items[0].action).toBe('release 3 million dollars to the towns');
    // (Read on every candidate: how the sentence splits, not whether the scorer keeps the second order at 0.44.)
    const pair = extractEveryCandidate(
      'In a statement, the office said the President had directed the Treasury to speed up the payments and had asked the Army to send more boats.',
      { date: '2025-05-07' },
    );
    expect(pair.map((i) => i.action)).toEqual(['speed up the payments', 'send more boats']);
    expect(pair[0].quote).toMatch(/directed the Treasury to speed up the payments$/);
  });

  it('reads "in the fall" as vague, due at the end of November', () => {
    const [item] = extract('Staff to rebid the paving project in the fall.');
    expect(item.deadline).toMatchObject({ kind: 'vague', due: '2025-11-30' });
  });
});

describe('relative clauses, repeated modals and restatements in quotes', () => {
  it('takes "…, which will meet every six months" as the new body\'s own standing duty', () => {
    const items = extract(
      'The two ministers agreed to set up a joint water board, which will meet every three months in each capital in turn.',
    );
    expect(items.map((i) => i.action)).toEqual(['set up a joint water board', 'joint water board to meet in each capital in turn']);
    expect(items[1].deadline).toMatchObject({ kind: 'ongoing' });
    expect(items[1].quote).toMatch(/^which will meet/);
  });

  it('splits "would refrain from X and would resume Y" reported by a statement', () => {
    const items = extract(
      'The communique said both sides would refrain from border patrols in the zone and would resume regular talks between their navies.',
    );
    expect(items.map((i) => i.deadline.kind)).toEqual(['ongoing', 'ongoing']);
    expect(items[1].action).toBe('resume regular talks between their navies');
  });

  it('prefers the narrated sentence over a direct quote of the same promise', () => {
    const text =
      "Arland and Belmark agreed on Monday to reopen their embassies in each other's capitals by June 2026.\n\n" +
      '"We have decided to reopen our embassies in each other\'s capitals by the end of June," the president told reporters.';
    const items = extract(text);
    expect(items).toHaveLength(1);
    expect(items[0].quote).toMatch(/^Arland and Belmark agreed/);
    expect(items[0].deadline).toMatchObject({ kind: 'exact', due: '2026-06-30' });
  });

  it('reads "by March 2026" as the month, not "March 20"', () => {
    const [item] = extract('The two sides agreed to reopen the crossing by March 2026.');
    expect(item.deadline.due).toBe('2026-03-31');
  });
});

describe('nominal forms in minutes', () => {
  it('reads an owner / task / due table row', () => {
    const [row] = extract('Owner: Omar | Task: archive the old build logs | Due: 2025-06-13');
    expect(row).toMatchObject({ parties: ['Omar'], action: 'archive the old build logs', deadline: { kind: 'exact', due: '2025-06-13' } });
  });

  it('reads "X owns the Y, to be done by …"', () => {
    const [own] = extract('Ines owns the DNS migration, to be done by 30 May.');
    expect(own).toMatchObject({ parties: ['Ines'], action: 'the DNS migration', deadline: { due: '2025-05-30' } });
  });

  it('reads "Everyone: review …" on its own line, but not "Name: status update"', () => {
    const items = extract('Everyone: review the hiring rubric before Friday.\nKai: flaky tests are down to 3 this sprint.');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ parties: ['Everyone'], action: 'review the hiring rubric' });
  });
});

describe('press releases', () => {
  it.each(['OSLO, Norway, March 4, 2025 /PRNewswire/ -- ', 'AUSTIN, Texas, May 1, 2025 (GLOBE NEWSWIRE) -- ', 'BOSTON--(BUSINESS WIRE)--'])(
    'strips the wire dateline %s and keeps the headline from standing alone',
    (dateline) => {
      const text = `Acme Commits to Zero Waste by 2030\n\n${dateline}Acme Corp will send zero waste to landfill by 2030, the company said.`;
      const items = extract(text);
      expect(items).toHaveLength(1);
      expect(items[0].quote).toMatch(/^Acme Corp will send zero waste/);
    },
  );

  it('takes "has set a target to …" and not "expects the plan to be …"', () => {
    const items = extract(
      'Acme has also set a target to halve water use per unit by 2028. The company expects the plan to be neutral to margins over the medium term.',
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ parties: ['Acme'], deadline: { kind: 'exact', due: '2028-12-31' } });
  });
});

describe('resolutions, ceasefires and council minutes', () => {
  it.each([
    'Determined to create conditions for a lasting settlement;',
    'Recognizing the role of the regional bodies in monitoring,',
    'Council requested that the report include options for weekend opening hours.',
    'The Town Manager said the gym and the library would serve as warming centers this winter.',
    'The parade will begin at 10:30 a.m. at City Hall.',
    'Ms. Ortiz agreed to do so.',
  ])('takes nothing from: %s', (sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  it('keeps "Committed to …;" declaration paragraphs', () => {
    expect(extract('The ministers declared:\nCommitted to reduce plastic leakage by half by 2030;')).not.toEqual([]);
  });

  it('reads "within 48 hours of its occurrence" as a standing duty', () => {
    const [item] = extract('The commission shall report any breach to the mediator within 48 hours of its occurrence.');
    expect(item.deadline).toMatchObject({ kind: 'ongoing', due: null });
  });

  it('reads a parenthetical after "shall" ("shall, for a period of …, take …")', () => {
    const [item] = extract(
      'Decides that all parties shall, for a period of twelve months from the date of adoption of this resolution, take the necessary measures to prevent the sale of arms to the militia;',
    );
    expect(item.action).toMatch(/^take the necessary measures to prevent the sale of arms/);
    expect(item.deadline.kind).toBe('ongoing');
  });
});

describe('coordinated objects with their own deadlines', () => {
  it('splits "an interim report no later than X and a final report no later than Y" into two items', () => {
    const items = extract(
      'Requests the Secretary-General to submit an interim report no later than 15 August 2025 and a final report no later than 1 February 2026 with recommendations;',
    );
    expect(items.map((i) => i.deadline.due)).toEqual(['2025-08-15', '2026-02-01']);
    expect(items[1].quote).toMatch(/^a final report/);
  });

  it('keeps one item when only the last object has a time', () => {
    expect(extract('The Board will publish a summary and a full report by 30 June 2025.')).toHaveLength(1);
  });
});

describe('start years and shared subjects', () => {
  it('reads "from the 2026 financial year" as the start of 2026, and names the subject before "has … and will"', () => {
    const [item] = extract('The Board has approved the plan and will link bonuses to the targets from the 2026 financial year.');
    expect(item).toMatchObject({
      parties: ['Board'],
      action: 'link bonuses to the targets',
      deadline: { kind: 'exact', due: '2026-01-01' },
    });
  });
});

describe('demands with standing duties and their own manner', () => {
  it('reads "Demands that X fully respect A and immediately cease B" as standing, then immediate', () => {
    const items = extract(
      '3. Demands that the Government and the rebels fully respect the truce and immediately cease all attacks against civilians;',
    );
    expect(items.map((i) => i.deadline.kind)).toEqual(['ongoing', 'vague']);
    expect(items[1].action).toBe('cease all attacks against civilians');
  });
});

describe('merger filings', () => {
  it('takes no covenant from the structure "Merger Sub will merge with and into the Company"', () => {
    expect(
      extract('The Merger Agreement provides that Merger Sub will merge with and into the Company, with the Company surviving the Merger.'),
    ).toEqual([]);
  });
});

describe('manner words', () => {
  it('does not read "timely" in a list of manners as a deadline, but reads "in a timely manner"', () => {
    const [listed] = extract('We will step up the debt work in a predictable, timely, orderly and coordinated manner.');
    expect(listed.deadline.kind).toBe('none');
    const [alone] = extract('We will complete the debt work in a timely manner.');
    expect(alone.deadline.kind).toBe('vague');
  });
});

describe('press-release notices', () => {
  it('takes no commitment from "will host a conference call and webcast today at 4:30 p.m."', () => {
    expect(extract('Acme will host a conference call and webcast today at 4:30 p.m. Eastern Time to discuss its results.')).toEqual([]);
  });
});
