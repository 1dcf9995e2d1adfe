/**
 * The addressee of a directive or appeal ("requests X to …", "calls upon X to …"): a noun phrase that,
 * in resolutions and their press reports, may carry an apposition or a list set off by commas —
 * "requested the UN secretary-general, Antonio Guterres, to submit", "Urges all States, relevant United
 * Nations bodies and other interested parties, to cooperate", "requested the secretary-general, to
 * report". A comma segment is part of the addressee only when it opens no new clause (no conjunction,
 * relative word, participle or finite verb), so "asked about the budget, and agreed to …" stays two clauses.
 */

// A segment after a comma that starts or holds a clause of its own is not part of a noun phrase.
const CLAUSE_OPENER =
  '(?:[a-z]+ing|and|or|but|which|who|whom|whose|if|whether|as|when|while|that|because|since|although|though|so|then|also|including)';
const FINITE = '(?:is|are|was|were|be|been|has|have|had|will|would|shall|should|can|could|may|might|must|said|says|did|does)';
const SEGMENT = `(?:(?!${CLAUSE_OPENER}\\b)(?:(?!\\b${FINITE}\\b)[^,;.:]){1,80}?)`;

/** The addressee as a regex source with one capturing group: the first segment and any apposition or list after it. */
export const ADDRESSEE = `((?:the|all|each|every|both|his|her|its|their|our|[A-Za-z])[^,;.:]{0,80}?(?:,\\s+${SEGMENT}){0,4}?)`;

/** Directive and appeal verbs, finite and as gerunds ("calling on the Taliban to create …"). */
export const DIRECTIVE_VERB =
  '(?:directed|directs|direct|directing|instructed|instructs|instruct|instructing|tasked|tasks|task|asked|asks|ask|requested|requests|request|requesting|told|tells|ordered|orders|order|mandated|mandates|mandate|invited|invites|invite|inviting|commissioned|calls?\\s+(?:up)?on|called\\s+(?:up)?on|calling\\s+(?:up)?on|urges?|urged|urging|encourages?|encouraged|encouraging)';
