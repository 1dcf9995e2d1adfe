/**
 * What is not a commitment even when it looks like one: reactions (welcomed, noted, expressed
 * concern), emphasis (stressed the need), appeals to third parties, procedure, and states of being.
 */

const NON_COMMITTAL_VERB =
  /\b(?:welcom(?:ed|es|ing)|not(?:ed|es|ing)(?! later)|took note|takes? note|taking note|acknowledg(?:ed|es|ing)|appreciat(?:ed|es|ing)|express(?:ed|es|ing)|condemn(?:ed|s|ing)|discuss(?:ed|es|ing)|stress(?:ed|es|ing)|emphasi[sz](?:ed|es|ing)|underlin(?:ed|es|ing)|underscor(?:ed|es|ing)|highlight(?:ed|s|ing)|thank(?:ed|s|ing)|recall(?:ed|s|ing)|recogni[sz](?:ed|es|ing)|call(?:ed|s|ing)?\s+(?:up)?on|call(?:ed|s)? for|urg(?:ed|es|ing)|encourag(?:ed|es|ing)|reported that|believ(?:ed|es)|regrett?(?:ed|s)|deplor(?:ed|es)|hoped? that|wish(?:ed|es)|blam(?:ed|es)|deni(?:ed|es)|reject(?:ed|s))\b/i;

/** Addressees that are not parties to the text: appeals to them are not its commitments. */
export const THIRD_PARTY =
  /^(?:all\s+)?(?:the\s+)?(?:international community|member states|all states|states|donors|development partners|partners|civil society(?: organizations)?|the private sector|private sector|stakeholders|all parties concerned|the world)\b/i;

// Procedure of the body itself, not a promise to anyone.
const PROCEDURAL =
  /\b(?:^authori[sz]es\b|continue (?:its|their) consideration|decides to consider (?:this|the) (?:question|matter)|shall enter into force|enters? into force upon|meeting (?:was )?adjourned|called the meeting to order)\b/i;

// Verbs that describe a state, not a deed: "our border shall become …", "this Agreement shall remain …".
export const STATE_VERBS = new Set([
  'become',
  'remain',
  'constitute',
  'mean',
  'include',
  'have',
  'consist',
  'depend',
  'expire',
  'terminate',
  'prevail',
  'govern',
  'apply',
  'cease to',
  'exist',
  'seem',
  'appear',
  'stand',
  'lie',
  'belong',
  'enter',
  'require',
  'need',
  'last',
  'cost',
  'mark',
  'represent',
  'reflect',
  'allow for',
]);

// "expressed its commitment to continue …", "underlined their determination to provide …": the verb
// reports the party's own resolve to a deed ("emphasized his commitment to further strengthening ties",
// "expressed their commitment to the early conclusion of …" name no deed, and stay flagged).
const OWN_RESOLVE =
  /^\s+(?:its|their|our|his|her)\s+(?:(?:firm|full|strong|continued|unwavering|shared)\s+)?(?:commitment|willingness|determination|readiness|resolve)\s+to\s+(?:(?:further|also|fully)\s+)?(?!(?:the|a|an|this|that|these|its|their|our|his|her|further|also|fully)\b)[a-z]+\b(?<!ing)/i;
const NON_COMMITTAL_ALL = new RegExp(NON_COMMITTAL_VERB.source, 'gi');

/** Whether a cue sits in the scope of a reaction or emphasis verb; `after` is the text from the cue on. */
export function isNonCommittalScope(scope: string, after = ''): boolean {
  const last = [...scope.matchAll(NON_COMMITTAL_ALL)].pop();
  if (!last) return false;
  return !OWN_RESOLVE.test((scope.slice((last.index ?? 0) + last[0].length) + after).slice(0, 160));
}

export function isProcedural(sentence: string): boolean {
  return PROCEDURAL.test(sentence);
}

/** Preamble paragraphs of resolutions ("Recalling …,", "Deeply concerned …,") bind nobody. */
export function isPreamble(sentence: string): boolean {
  // "Recognizing …," and "Determined to …;" — not "Committed to …;" or "Resolved to …;" paragraphs of a declaration.
  return (
    /^(?:[A-Z][a-z]+ly\s+)?(?!(?:Committed|Resolved|Agreed|Decided|Pledged)\b)[A-Z][a-z]+(?:ing|ed)\b/.test(sentence) &&
    /[,;]\s*$/.test(sentence) &&
    !/\b(?:agreed|decided)\b/.test(sentence)
  );
}

/** Reports of what already happened: approvals of past items, completed actions. */
export function isPastReport(sentence: string): boolean {
  return (
    /\b(?:were|was|has been|have been|had been)\s+(?:unanimously\s+)?(?:approved|adopted|completed|carried|received|released|signed|held)\b/i.test(
      sentence,
    ) ||
    (/\b(?:approved|adopted|ratified)\s+(?:the|last|a)\b/i.test(sentence) && !/\b(?:will|shall|to)\s+\w+/.test(sentence))
  );
}

/**
 * Definitions of the text's own structure bind nobody: "Phase One shall begin when … and shall last
 * 42 days", "This Agreement shall be implemented in three phases", "Any amendment shall be made in writing".
 */
export function isDefinition(sentence: string): boolean {
  return (
    /^(?:(?:The\s+)?(?:first|second|third|final)\s+phase|Phase|Stage)\b[^.;]*?\b(?:shall|will|is\s+to)\s+(?:begin|commence|start|last|end|consist|include|run)\b/i.test(
      sentence,
    ) ||
    /^(?:This|The\s+present)\s+(?:Agreement|Resolution|Declaration|Protocol|Memorandum|Arrangement)\s+shall\s+be\s+(?:implemented|interpreted|construed|read|governed|applied)\b/i.test(
      sentence,
    ) ||
    /^Any\s+(?:amendment|modification|dispute|notice)\b[^.;]*\bshall\s+be\s+(?:made|settled|resolved|given|submitted|in\s+writing)\b/i.test(
      sentence,
    )
  );
}

// "extend until 12 June 2011 the mandate of the Panel", "renew UNSMIS' mandate for a final period".
const EXTENSION =
  /^(?:extend|renew|prolong)\w*(?: until [^,;]+?)? (?:the |its )?(?:[\w'’-]+ ){0,6}?(?:mandate|authori[sz]ations?|measures)\b/i;

/**
 * A council's extension of a mandate takes effect by itself; it is no commitment (the real corpus's
 * convention). Judged on the candidate's own deed, not its sentence, so "Decides to extend the mandate …,
 * and requests the Secretary-General to take the necessary measures" keeps the request.
 */
export function isExtension(action: string): boolean {
  return EXTENSION.test(action.trim());
}
