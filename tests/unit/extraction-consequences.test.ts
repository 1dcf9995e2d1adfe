// A thing's consequence read as a forecast (agentivity.ts CONSEQUENCE_VERB), and a that-clause that states
// a finding rather than a mandate (indicative-clause.ts). Our own sentences, shaped like the real false
// alarms; they test the features, so the weights do not matter.
import { describe, expect, it } from 'vitest';
import { isThingsEffect } from '../../src/extraction/agentivity.js';
import { isIndicativeClause } from '../../src/extraction/indicative-clause.js';
import { firstCueFeatures } from '../helpers/first-cue-features.js';

const features = firstCueFeatures;

describe("a thing's consequence is a forecast", () => {
  it('marks a demonstrative or an abstract subject with a verb of amount or standing', () => {
    expect(features('This will increase the service charge by about $25 per flat.').forecast).toBe(1);
    expect(features('The acquisition will add about $300 million in yearly revenue.').forecast).toBe(1);
    expect(features('The decision to move the depot will better align our costs with demand.').forecast).toBe(1);
    expect(features('This change will further clarify the role of the reviewers.').forecast).toBe(1);
  });

  it('leaves a party, or the sentence\'s own "It", doing the same verbs', () => {
    expect(features('The council will increase the grant to the youth club.').forecast).toBeUndefined();
    expect(features('It will also provide meters to every household.').forecast).toBeUndefined();
    expect(isThingsEffect('the government', 'reduce')).toBe(false);
    expect(isThingsEffect('These', 'replace')).toBe(false);
  });

  it('reads the verb past an adverb ("will only provide", "will significantly reduce")', () => {
    expect(features('The grant will only provide a fifth of the cost.')['verb=provide']).toBe(1);
    expect(features('The Trust will apply for a lottery grant.')['verb=apply']).toBe(1);
  });
});

describe('a that-clause that states a finding', () => {
  it("flags a copula, an -s present or a past as the clause's verb", () => {
    expect(isIndicativeClause('the new fence was a great improvement')).toBe(true);
    expect(isIndicativeClause('both reports are ready to publish')).toBe(true);
    expect(isIndicativeClause('the joint venture symbolises the friendship of the two towns')).toBe(true);
    expect(isIndicativeClause('the exchanges contributed to better relations')).toBe(true);
    expect(features('The members agreed that the new fence was a great improvement.').indicative_clause).toBe(1);
  });

  it('leaves a subjunctive mandate', () => {
    expect(isIndicativeClause('site visits be arranged for the members')).toBe(false);
    expect(isIndicativeClause('the report requested by the Clerk be sent to all members')).toBe(false);
    expect(isIndicativeClause('the Secretariat propose ways to cut the backlog')).toBe(false);
    expect(isIndicativeClause('every school have a safeguarding lead')).toBe(false);
    expect(isIndicativeClause('this Council does hereby direct the manager to act')).toBe(false);
    expect(features('The members agreed that site visits be arranged.').indicative_clause).toBeUndefined();
  });
});
