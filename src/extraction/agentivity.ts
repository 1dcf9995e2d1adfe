/**
 * A thing, not a party, as the subject of a verb of bringing about: "The Declaration will enable a just
 * transition", "Mayors' actions will create healthier communities", "An ambitious new target will
 * galvanize our business". These forecast an effect; a promise names a party and its deed.
 */

// Heads that name a body of people despite an abstract suffix: "the government", "the commission".
const BODY =
  /^(?:government|commission|administration|management|department|foundation|organi[sz]ation|association|corporation|coalition|federation|delegation|nation|parliament|institution|authority|community|municipality|presidency|secretariat|agency|company|committee|council)s?$/i;
const ABSTRACT_SUFFIX = /(?:tion|sion|ment|ance|ence|ity|ism|ure|ness)s?$/i;
const ABSTRACT_HEAD =
  /^(?:target|goal|plan|declaration|pledge|agreement|actions?|initiative|program(?:me)?|project|investment|policy|law|rule|change|measures?|steps?|efforts?|approach|strategy|framework|charter|deal|fund(?:ing)?|money)$/i;
// Verbs of bringing something about: what a thing does to the world.
const EFFECT_VERB =
  /^(?:enable|allow|help|galvani[sz]e|spur|drive|boost|generate|result|lead|create|bring|deliver|benefit|foster|pave|unlock|catalys?[sz]e|transform|mean|contribute)$/i;
// Verbs of a consequence in amount or standing: "This will increase the fees", "the transaction will add
// $875 million", "This action will better position …". Only with a demonstrative or an abstract head:
// a sentence's "It" is as often the company itself ("It will also provide smart meters …").
const CONSEQUENCE_VERB =
  /^(?:increase|reduce|decrease|lower|add|improve|better|clarify|position|align|place|entitle|exemplify|affect|impact|provide|see|strengthen|enhance|support|require|cost)$/i;

/**
 * The subject's head noun: the last word, or the word before "of" or another preposition ("the governments
 * of the world", "the recommendation to close our facility in Shreveport").
 */
function headOf(subject: string): string {
  const words = subject
    .replace(/[’']s\b/g, '')
    .replace(/[^\w\s-]/g, ' ')
    .trim()
    .split(/\s+/);
  const of = words.findIndex((w, i) => i > 0 && /^(?:of|to|for|in|at|on|from|with|by|under)$/i.test(w));
  return (of > 0 ? words[of - 1] : words[words.length - 1]) ?? '';
}

// "This will enable more pathways …", "This would allow …", "It will enable us to seize …": a demonstrative
// (or a sentence's own "It") stands for the idea just described, and the verb says what it brings about.
const DEMONSTRATIVE = /^(?:this|these|that|those)$/i;

/**
 * Whether the subject names a thing (not a body of people) and the verb says what it will bring about.
 * `opensSentence`: the subject is the sentence's first word ("It will enable us …", not "… said it will").
 */
export function isThingsEffect(subject: string, verb: string, opensSentence = false): boolean {
  const s = subject.trim();
  if ((DEMONSTRATIVE.test(s) || (opensSentence && /^it$/i.test(s))) && (EFFECT_VERB.test(verb) || /^give$/i.test(verb))) return true;
  if (DEMONSTRATIVE.test(s) && CONSEQUENCE_VERB.test(verb)) return true;
  // "The C40 Renewable Energy Declaration, launched at Climate Week by …, will enable": the head is before the apposition.
  const head = headOf(s.split(',')[0]);
  if (head === '' || !(EFFECT_VERB.test(verb) || CONSEQUENCE_VERB.test(verb))) return false;
  // A named document ("The … Declaration") is a thing; a capitalised head with an abstract suffix may be a body.
  return !BODY.test(head) && (ABSTRACT_HEAD.test(head) || (/^[a-z]/.test(head) && ABSTRACT_SUFFIX.test(head)));
}

const NOT_BARE =
  /^(?:the|a|an|this|that|these|those|its|their|our|his|her|my|your|each|every|any|some|both|either|neither|no|we|i|you|he|she|they|it|everyone|everybody|someone|somebody|one)\b/i;

/**
 * A bare noun phrase as the subject ("countries must embed …", "global emissions must be cut",
 * "engagement among all negotiators must intensify"): a norm about a class or a process, which names
 * no party the text binds. A named party ("Kelvaria", "The Council") or a determiner says otherwise.
 */
export function isBareSubject(subject: string): boolean {
  // "To limit warming to 1.5C, global emissions", "And crucially, countries": the subject follows the last comma.
  const s = (subject.split(',').pop() ?? '').trim().replace(/^all\s+/i, '');
  return /^[a-z]/.test(s) && !NOT_BARE.test(s) && s.split(/\s+/).length <= 6;
}
