// Session 9, lane precision: cues against false alarms in notes and pledges, read at the candidate
// level (every candidate with its features, before the threshold), so the committed weights do not matter.
import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../src/extraction/extract-commitments.js';

const candidates = (text: string) => scoreCandidates(text, { date: '2024-03-01' }).candidates;
const featuresOf = (text: string, quoteStart: string) =>
  Object.keys(candidates(text).find((c) => c.item.quote.startsWith(quoteStart))?.features ?? {});

describe('a named subject is a name, not a capital at the sentence start', () => {
  it('keeps names, titled people and bodies named', () => {
    expect(featuresOf('Mr Hill would put together a statement for the newsletter.', 'Mr Hill')).toContain('subject_named');
    expect(featuresOf('Cole would confirm the quotation.', 'Cole')).toContain('subject_named');
    expect(featuresOf('The Clerk would place a notice in the shop.', 'The Clerk')).toContain('subject_named');
    expect(featuresOf('The clerk would place a notice in the shop.', 'The clerk')).toContain('subject_named');
    expect(featuresOf('Councillors would lead on various roles and responsibilities.', 'Councillors')).toContain('subject_named');
  });

  it('does not name a common noun, an adverb or a determiner phrase that opens the sentence', () => {
    for (const [text, start] of [
      ['Models would have to be physics-based and solar-specific.', 'Models'],
      ['Ideally would like to lock down a date by Monday', 'Ideally'],
      ['These reports should list major activities of the committee.', 'These'],
      ['The about page should probably be updated', 'The about'],
      ['I think we should make decisions with 9/9 consent to it.', 'I think'],
    ]) {
      const features = featuresOf(text, start);
      expect(features, text).not.toContain('subject_named');
      expect(
        features.some((f) => f.endsWith('&subject_named')),
        text,
      ).toBe(false);
    }
  });
});

describe('layout and effect cues', () => {
  it('marks a markdown table header row, not its rows', () => {
    const text = '## Action Items\n\n| Action item |\n| ----------- |\n| Draft the author list proposal |\n';
    expect(featuresOf(text, '| Action item')).toContain('table_header');
    expect(featuresOf(text, '| Draft')).not.toContain('table_header');
    expect(featuresOf(text, '| Draft')).toContain('action_item_line');
  });

  it('marks a list item that other items hang under', () => {
    const text = '## Actions\n\n2. Decisions needed\n    - Upgrading the cluster to 1.11\n    - Anna to release the chart\n';
    expect(featuresOf(text, 'Decisions')).toContain('list_parent');
    expect(featuresOf(text, 'Anna')).not.toContain('list_parent');
  });

  it('reads a demonstrative that enables or gives as a forecast of an effect, not a party', () => {
    expect(featuresOf('This will enable more pathways into the Maintainers Group.', 'This')).toContain('forecast');
    expect(featuresOf('It will enable us to seize the economic opportunity.', 'It')).toContain('forecast');
    expect(featuresOf('The company said it will create 400 jobs at the plant.', 'The company')).not.toContain('forecast');
    expect(featuresOf('We will give the community a say in the plan.', 'We')).not.toContain('forecast');
  });
});
