// Session 9, lane precision: cues against false alarms in notes and pledges, read at the candidate
// level (every candidate with its features, before the threshold), so the committed weights do not matter.
import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../src/extraction/extract-commitments.js';

const candidates = (text: string) => scoreCandidates(text, { date: '2024-03-01' }).candidates;
const featuresOf = (text: string, quoteStart: string) =>
  Object.keys(candidates(text).find((c) => c.item.quote.startsWith(quoteStart))?.features ?? {});

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
