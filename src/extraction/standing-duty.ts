/**
 * Decides whether a promise with no time phrase is a standing duty (`ongoing`) or has no deadline
 * (`none`): a second logistic model, trained with the candidate scorer (`npm run train:extraction`),
 * over the action's verb, how the promise is framed ("reaffirm our commitment to", "continues to"),
 * negation, and the hand lexicon of standing verbs, which enters as one feature among the others.
 */
import type { Cue } from './detect-cues.js';
import { STANDING_VERBS } from './detect-cues.js';
import type { CandidateModel, Features } from './candidate-model.js';
import { meanVectorFeatures } from './word-vectors.js';

export interface StandingShape {
  cue: Cue;
  action: string;
  /** The sentence's words before the action. */
  frame: string;
  /** A later coordinated part whose own verb is standing ("… and not to take certain actions"). */
  partStanding: boolean;
  /** "effective 18 September": a start date that opens a duty. */
  startsDuty: boolean;
}

// Words of the frame that say a promise lasts: kept as a small closed set so the model cannot learn a text's topic.
const FRAME_WORDS =
  /\b(?:commit(?:ment|ments|ted|s)?|reaffirm\w*|reiterat\w*|continu\w*|remain\w*|determin\w*|resolve[ds]?|pledge[ds]?|always|ongoing|standing|henceforth|hereby|shall|will|would|must|agree[ds]?|decide[ds]?|requests?|calls?|urges?|demands?|requires?|required|obligated|responsible)\b/gi;

// Activities with no end point ("cooperate fully", "exercise restraint", "promote understanding"): done
// for as long as the text holds, not once. A closed class of verb stems, so the model cannot learn a topic.
const ATELIC_VERB =
  /^(?:cooperat|collaborat|support|uphold|promot|pursu|sustain|conserv|confront|combat|counter|consider|incorporat|track|consult|serv|help|assist|advocat|engag|focus|respect|honou?r|exercis|utili[sz]|foster|encourag|facilitat|champion|defend|safeguard|listen|prioriti[sz]|integrat|mainstream|strive|observ|implement|monitor|maintain|retain|preserv|oversee|scrutini[sz]|protect)/i;
// How often the deed recurs, inside the action: "publish annual data", "pay quarterly cash dividends".
const FREQUENCY =
  /\b(?:annual(?:ly)?|quarterly|monthly|weekly|yearly|biennial(?:ly)?|regular(?:ly)?|periodic(?:ally)?|each\s+(?:year|month|week|session|meeting|time)|every\s+\w+|per\s+(?:year|annum)|on\s+an?\s+(?:rotation(?:al)?|rotating)\s+basis|by\s+rotation|in\s+rotation|often|frequently)\b/i;
// A deed done on each occasion: "when making policy decisions", "as needed", "when so requested", "case-by-case".
const HABITUAL =
  /\b(?:when(?:ever)?\s+(?:\w+ing|so\s+requested|requested|needed|necessary|appropriate|possible|they\s+can)|as\s+(?:needed|necessary|required|appropriate)|where\s+and\s+when|case[- ](?:by|to)[- ]case|if\s+(?:so\s+)?requested|upon\s+request|on\s+request)\b/i;

function lemma(word: string): string {
  return word.toLowerCase().replace(/(?<=\w{3})(?:es|s)$/, '');
}

export function standingFeatures(shape: StandingShape): Features {
  const { cue, action, frame } = shape;
  const names = new Set<string>([`kind_cue_${cue.type}`]);
  // "the determination … to confront terrorism": a nominal cue leaves the infinitive's "to" in the action.
  // "Will keep working on …" (a shorthand line whose modal was read as a name), "actively stage …", "just contain …":
  // a modal or an adverb before the verb is not the verb.
  const deed = action.replace(
    /^(?:to\s+)?(?:(?:will|shall|would|should|must|fully|also|further|jointly|closely|strictly|carefully|actively|just|still|together|then|now|always|only|routinely|regularly)\s+)*/i,
    '',
  );
  // "remain open", "remain seized of the matter": keeping a state is a standing duty (as after a modal).
  // "8) continue to campaign …": a list item's "continue to" may be left in the frame, before the deed.
  const continued = /\b(?:continue|continues|keep|keeps)\s+(?:to\s+)?$/i.test(frame);
  if (cue.standing || shape.partStanding || continued || STANDING_VERBS.test(deed) || /^remain\s/i.test(deed))
    names.add('kind_lexicon_standing');
  if (/^(?:not|never|no\s+longer|won['’]t)\b/i.test(deed) || /\b(?:not|never)\s*$/i.test(frame)) names.add('kind_negated');
  if (shape.startsDuty) names.add('kind_starts_duty');
  const verb = /^(?:(?:not|also|further|fully|jointly|be)\s+)*([a-z]+)/i.exec(deed)?.[1];
  if (verb) names.add(`kind_verb=${lemma(verb)}`);
  if (/ing$/.test(verb ?? '')) names.add('kind_gerund');
  if (verb && ATELIC_VERB.test(verb)) names.add('kind_atelic');
  if (FREQUENCY.test(action)) names.add('kind_frequency');
  if (HABITUAL.test(action)) names.add('kind_habitual');
  for (const m of frame.matchAll(FRAME_WORDS)) names.add(`kind_frame=${lemma(m[0]).replace(/(?:ment|ted|ed|ing|d)$/, '')}`);
  // "any action", "all forms of": a quantified object is a rule for every occasion, not one deed.
  // "Any significant communication will be cleared …", "every college have …": so is a quantified subject
  // (the frame's last clause).
  const subject = /[^,;:()]*$/.exec(frame)?.[0] ?? '';
  if (/\b(?:any|each|every|all\s+forms\s+of|at\s+all\s+times|whatever)\b/i.test(`${subject} ${action}`)) names.add('kind_quantified');
  // "will only receive critical fixes", "forward no more than two names", "in no case serve more than four
  // years": a limit on every occasion is a rule, not one deed.
  if (
    /\b(?:only|solely|exclusively|(?:no|not)\s+(?:more|less|fewer)\s+than|at\s+most|in\s+no\s+case|under\s+no\s+circumstances)\b/i.test(
      `${frame} ${action}`,
    )
  )
    names.add('kind_restrictive');
  // Aspect words say the deed lasts: "vigorous, ongoing and continuous negotiations", "always plan to".
  if (
    /\b(?:ongoing|continuous(?:ly)?|permanent(?:ly)?|always|constantly|perpetual(?:ly)?|as\s+and\s+when|whenever|from\s+time\s+to\s+time|on\s+a\s+regular\s+basis|year[- ]on[- ]year|in\s+(?:the\s+)?future|for\s+years\s+to\s+come|going\s+forward|from\s+now\s+on|usual(?:ly)?|vigilant(?:ly)?|routinely|along\s+the\s+way|for\s+as\s+long\s+as|where(?:ver)?\s+available)\b/i.test(
      `${frame} ${action}`,
    )
  )
    names.add('kind_durative');
  // "give at least 50 percent of their grant dollars", "channel a majority of their grant money": a share of a
  // flow that recurs is a policy, not one deed.
  if (/\b(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|(?:a|the)\s+(?:majority|share|portion|proportion))\s+of\b/i.test(action))
    names.add('kind_share');
  // A short object-less deed ("cooperate", "work together") is an activity, not an accomplishment.
  if (action.split(/\s+/).length <= 3) names.add('kind_short');
  const features: Features = {};
  for (const name of [...names].sort()) features[name] = 1;
  // "oversee", "supervise", "refrain": a verb the lexicon lacks may still mean what its standing verbs mean.
  return Object.assign(features, meanVectorFeatures('kemb', action));
}

/** Without a trained kind model, the hand lexicon decides, as it did before. */
export function isStandingDuty(features: Features, model?: CandidateModel['kind']): boolean {
  if (!model) return Boolean(features.kind_lexicon_standing || features.kind_negated || features.kind_starts_duty);
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) z += (model.weights[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z)) >= model.threshold;
}
