/**
 * Finds the words that make a sentence a promise — commissive verbs, will/shall, directives to a
 * party, minutes shorthand, hedges — and for each, where the promised action begins and who is bound.
 */
import { isIndicativeClause } from './indicative-clause.js';
import { clauseSubject, governingScope } from './clause-subject.js';
import { ADDRESSEE, DIRECTIVE_VERB } from './directive-object.js';
import { scheduledPayments } from './scheduled-payment.js';
import { OWN_TARGET, TARGET } from './target-cue.js';
import { isNonCommittalScope, STATE_VERBS, THIRD_PARTY } from './exclusions.js';
import { findDeadlinePhrase } from './find-deadline-phrase.js';
import { isDirectSpeech, isNotADeed } from './not-a-deed.js';
import { isBaseVerb } from './split-coordinated.js';
import type { Sentence } from './split-sentences.js';
import { isParticiple } from './participle.js';
import { opensWithImperative } from './imperative-line.js';
import { taskLineCues } from './note-line.js';
import { scheduledCues } from './scheduled-cue.js';

export type CueType =
  | 'commissive'
  | 'modal'
  | 'directive'
  | 'appeal'
  | 'shorthand'
  | 'hedged'
  | 'decision'
  | 'subjunctive'
  | 'infinitive'
  | 'obligation'
  | 'continuing'
  | 'imperative'
  | 'nominal'
  | 'listed'
  | 'scheduled'
  | 'line';

export interface Cue {
  type: CueType;
  /** Offset (in the sentence) of the cue word itself. */
  at: number;
  /** Offset where the clause carrying the promise starts: the quote begins here or earlier. */
  clauseStart: number;
  /** Offset where the promised action's words begin. */
  actionStart: number;
  /** The bound party as written ("the two sides", "Marco"); '' when unsaid. */
  subject: string;
  /** The action is the subject ("liaison officers would be deployed"): parties come from context. */
  passive: boolean;
  weak: boolean;
  /** A standing duty or prohibition ("shall not", "continue to", "refrain from"). */
  standing: boolean;
  /** Who invited, for an invitation: both inviter and invitee are parties to it. */
  inviter?: string;
  /** Who acts for the bound party, from a relative clause: "a joint commission, which will meet …". */
  actor?: string;
  /** Who made an appeal ("The OSCE chair urged …"); unsaid in a resolution's own paragraphs. */
  speaker?: string;
  /**
   * What argues against this cue being a promise ("would" outside an agreement, a state verb, an
   * appeal to a third party …). These were gates once; now they are features the scorer weighs.
   */
  flags?: string[];
}

const ADVERBS =
  '(?:also|further|jointly|each|both|now|then|immediately|promptly|duly|fully|not|no longer|never|continue to|jointly|always|directly|actively|closely|still)';
// "shall, for a period of twelve months from adoption, take …": a parenthetical may follow the modal.
const MODAL = new RegExp(
  `(\\b(?:will|shall|would|should|must|is to|are to|(?:was|were)(?:\\s+also)?\\s+to|won['’]t|(?:is|are|am)\\s+(?:also\\s+)?going\\s+to|gonna)|(?<=\\w)['’](?:ll|s\\s+going\\s+to|re\\s+going\\s+to|m\\s+going\\s+to))((?:,\\s+[^,;"]{3,120},|\\s+\\([^()]{1,40}\\))?\\s+)((?:${ADVERBS},?\\s+)*)([A-Za-z-]+)`,
  'gi',
);
const COMMISSIVE =
  /\b((?:set|sets|has\s+set|have\s+set)\s+(?:itself\s+|themselves\s+)?(?:a|an)\s+(?:new\s+|further\s+|separate\s+)?(?:target|goal)|agreed|agrees|agree|decided|decides|decide|resolved|resolves|committed|commits|commit|pledged|(?<!\b(?:a|an)\s+(?:[\w-]+\s+){0,2})(?:resolve|pledges|pledge)|undertook|undertakes|undertake|vowed|vows|promised|promises|(?<!\b(?:be|been|being|is|are|was|were)\s+)(?:volunteered|volunteers|offered|offers)|signed\s+up|signs\s+up|(?:reaffirmed|renewed|reiterated|reaffirms?|renews?|reiterates?) (?:their|its|his|her|our) (?:firm |strong |full |unwavering )?commitment|(?:are|is|remain|were|was) (?:firmly |fully )?committed)((?:\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|also|further|today|jointly|again|unanimously|formally|in\s+princip(?:le|al)))*)\s+(to|on|not\s+to)\s+/gi;
const DIRECTIVE = new RegExp(
  `\\b(${DIRECTIVE_VERB})\\s+${ADDRESSEE}(?:,\\s*effective\\s+[^,;]{1,40},)?,?\\s+to\\s+(?!the\\b|a\\b|an\\b)([a-z]\\w*)`,
  'gi',
);
// "tasked the Federal Board of Revenue with recovering …", "charged the committee with preparing …".
const TASKED_WITH =
  /\b(tasked|tasks|charged|charges|entrusted|entrusts)\s+((?:the|all|each|every|both|his|her|its|their|our|[A-Z])[^,;.:]{0,80}?)\s+with\s+([a-z]+ing)\b/gi;
const NOMINAL_ORDER =
  /\b(ordered|orders|commissioned|commissions)\s+(?=(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:audit|review|inquiry|investigation|probe|assessment|inspection|evaluation|study|survey|census)\b)/gi;
const PASSIVE_DIRECTIVE =
  /\b(?:was|were|is|are|has been|have been)\s+(?:also\s+)?(?:asked|told|instructed|directed|requested|tasked|mandated|invited|ordered|required|reminded)\s+to\s+/gi;
const HEDGED =
  /\b(?:expected|expects|expect|anticipated|anticipates|projected|aims?|aiming|plans?|intends?|hopes?|seeks?|strives?|endeavou?rs?|wants?)\s+to\s+(?!be\b)(?=[a-z])/gi;
// "demands that all armed groups cease …"; and the subjunctive without "that" when an adverb marks its verb:
// "It demands the transitional government immediately cease obstructing UNMISS".
const THAT_CLAUSE =
  /\b(?:demands?|demanded|demanding|directed|directs|directing|decides|decided|deciding|agreed|agrees|resolved|requires?|required|insists?|insisting|ordered|orders|it was agreed|understood|requested|requests|requesting|asked|asks|asking)\s*,?\s+that\s+|\b(?:demands?|demanded|insists?|insisted)\s+(?=(?:the|all)\s+[a-z]+(?:\s+[a-z]+){0,3}\s+(?:immediately|promptly|fully|also)\s+[a-z]+)/gi;
const OPENING_THAT = /^(?:(?:BE\s+IT\s+(?:FURTHER\s+|ALSO\s+)?RESOLVED|Be\s+it\s+(?:further\s+)?resolved)\s*,?\s*:?\s+)?That\s+/;
const MODAL_WORD = /\b(?:will|shall|would|should|must|can|could|may|might|is\s+to|are\s+to|was\s+to|were\s+to)\b/i;
const HEDGE_AFTER_MODAL = new Set(['strive', 'seek', 'endeavour', 'endeavor', 'try', 'aim', 'work', 'consider', 'explore', 'look']);
// A standing duty: "take the necessary measures to prevent …" is as standing as "prevent …".
export const STANDING_VERBS =
  /^(?:(?:fully|strictly|also|further|jointly|closely)\s+)?(?:take\s+(?:all\s+)?(?:the\s+)?(?:necessary|appropriate|effective|possible|all\s+possible|concrete)\s+(?:measures|steps|action)\s+to\s+)?(?:not|never|refrain|cease|continue|maintain|prevent|respect|uphold|comply|abide|preserve|keep|observe|honou?r|avoid|desist|protect|ensure|safeguard|allow|permit|oversee|supervise|monitor|coordinate\s+and\s+monitor|lead\s+(?:the\s+)?(?:working\s+group|group|committee|task\s+force|effort)|chair|govern|administer|reject|abstain|stop)\b/i;
const SHORTHAND =
  /^(@[\w.-]+|(?:The\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|of|the))*?)(?:\s+to\s+(?!be\b)|\s+[-–—:]\s+|(?<=^@[\w.-]+):\s+)(?!(?:the|a|an|this|that|its|their|his|her|our|all|each)\b)(?=[a-z])/;
const NOT_A_NAME =
  /^(?:In|On|At|By|For|With|From|After|Before|As|It|This|That|There|We|They|He|She|Motion|Motioned|Proposal|Proposals|Consent|Goal|Goals|OK|Okay|Reminder|Suggestion|Idea|Date|Next|Time|According|Speaking|Due|Prior|Thanks|Pursuant|Further|Similarly|Contrary|Subject|Owing|Close|Up|Back|Welcome|Turning|Returning|Failure|Access|Efforts?|Plans?|Moves?|Requests|Decides|Calls|Urges|Invites|Encourages|Demands|Directs|Asks|Instructs|Welcomes|Notes|Takes|Stresses|Reaffirms|Recalls|Authori[sz]es|Approves|Endorses|Expresses|Affirms|Emphasi[sz]es|Underlines|Condemns|Deplores|Reiterates|Supports|Commends|Requests|Invites|Mandates|Tasks)\b/;

// "will have a booth in the park", "agreed to have a go at drafting …", "will have the electricity turned on",
// "have Neal speak on …": holding an event, or getting something done, is a deed ("shall have the right to …",
// "will have ample time" stay states).
const HAVE_DONE =
  /^have\s+(?:(?:a|an)\s+(?:further\s+|new\s+|short\s+|quick\s+)?(?:meeting|review|booth|stall|stand|go|look|call|chat|discussion|session|word|workshop|event)\b|(?:the|a|an|its|their|our|his|her|this|these)\s+(?:[a-z-]+\s+){1,3}?[a-z]+(?:ed|en)\b|[A-Z][a-z]+\s+(?:speak|talk|present|send|look|check|contact|write|review|lead|chair|attend)\b)/;

/**
 * A verb of state ("shall become", "will remain a member") is no deed; keeping something in a state
 * ("remain open", "remain frozen", "remain seized of the matter", "apply for") is one.
 */
function isStateReading(deed: string): boolean {
  const verb = (/^[a-z]+/i.exec(deed) ?? [''])[0].toLowerCase();
  return (
    STATE_VERBS.has(verb) &&
    !/^(?:apply\s+for|remain\s+(?:actively\s+)?(?:unchanged|frozen|suspended|closed|open|capped|fixed|in\s+place|seized))\b/i.test(deed) &&
    !HAVE_DONE.test(deed)
  );
}

/** What kind of party the subject names: a name, "we", a pronoun, an outsider, a long noun phrase. */
function subjectFlags(subject: string): string[] {
  const s = subject.trim();
  if (/^(?:we|our\s)/i.test(s)) return ['subject_we'];
  if (/^I$/.test(s)) return ['subject_i'];
  if (/^(?:it|this|that|there|these|those|which)$/i.test(s)) return ['subject_it'];
  if (/^(?:he|she|they)$/i.test(s)) return ['subject_pronoun'];
  if (THIRD_PARTY.test(s)) return ['subject_third_party'];
  if (/^(?:the\s+)?(?:parties|two sides|both sides|sides|leaders|ministers|governments|signatories)\b/i.test(s)) return ['subject_group'];
  // "the Government of Kelvaria and the NLF": a list of names is named, however long.
  const named = (part: string) => /^(?:[A-Z@]|the\s+[A-Z])/.test(part) && part.split(/\s+/).length <= 6;
  if (
    s
      .split(/\s*(?:,|\band\b|&|\/)\s*/)
      .filter(Boolean)
      .every(named)
  )
    return ['subject_named'];
  if (s.split(/\s+/).length > 6) return ['subject_long'];
  return ['subject_common'];
}

/** "would"/"should" bind only inside an agreement ("agreed that X would …") or reported promise. */
function conditionalBinds(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const lastThat = before.search(/\bthat\s+(?:(?!\bthat\b)[^;])*$/);
  if (lastThat >= 0) {
    const governing = before.slice(Math.max(0, lastThat - 40), lastThat);
    if (
      /\b(?:agreed|agree|agrees|decided|decides|resolved|resolves|understood|directed|directs|demanded|demands|required|requires|ordered|orders|insists|requested|requests)\s+(?:\w+\s+){0,2}$/i.test(
        governing,
      )
    )
      return true;
  }
  // "said staff would present …", "announced that a new network would be installed …".
  return (
    /\b(?:said|says|announced|announces|stated|states|confirmed|confirms)\s+(?:that\s+)?(?:(?:the|his|her|their|its|our|both|all|each|an?)\s+)?(?:[\w'’-]+\s+){0,5}$/i.test(
      before,
    ) &&
    !/\b(?:if|unless|whether|could|might)\b/i.test(
      before.slice(
        before.search(
          /\b(?:said|says|announced|announces|stated|states|confirmed|confirms)\s+(?:(?!\b(?:said|says|announced|stated|confirmed)\b).)*$/i,
        ),
      ),
    )
  );
}

const PURPOSE_SUBJECT =
  /\b(?:purpose|aim|objective|goal|idea|point|reason|intention|object|function|mission|vision|ambition)s?(?:\s+(?:of|for|behind)\s+[^,;]{1,60})?\s+$/i;

function modalCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const directSpeech = isDirectSpeech(text);
  for (const m of text.matchAll(MODAL)) {
    const at = m.index ?? 0;
    // "the clerk was to advertise for bids": minutes report what was laid on someone, as with "would".
    // "is going to", "won't": notes say their promises so; "going to" keeps its own feature, as "would" does.
    const said = m[1].toLowerCase();
    const modal = /^['’]ll$|^won['’]t$/.test(said)
      ? 'will'
      : /going\s+to$|^gonna$/.test(said)
        ? 'going to'
        : /^(?:was|were)\s/.test(said)
          ? 'was to'
          : said;
    const wont = /^won['’]t$/.test(said);
    const adverbs = m[3] ?? '';
    let verb = m[4];
    let actionStart = at + m[0].length - verb.length;
    const before = cues[cues.length - 1];
    const flags: string[] = [`modal_${modal.replace(/\s+/g, '_')}`];
    // "reaffirmed their will to implement", "prompted by the will to improve": after a determiner "will" is a noun.
    if (modal === 'will' && /\b(?:the|a|their|its|our|his|her|political|good|free|strong|common|firm|shared)\s+$/i.test(text.slice(0, at)))
      flags.push('noun_reading');
    // "if the council were to buy …": a supposition, not a duty.
    if (modal === 'was to' && /\b(?:if|whether|unless|as\s+though|as\s+if)\b[^,;]*$/i.test(text.slice(0, at)))
      flags.push('conditional_unbound');
    if (
      /^(?:would|should)$/.test(modal) &&
      !conditionalBinds(text, at) &&
      !(before && /\sand\s+$/.test(text.slice(0, at)) && text.slice(before.at, before.at + modal.length).toLowerCase() === modal)
    )
      flags.push('conditional_unbound');
    // "…, the prime minister said relief must reach the common man": rhetoric, not a duty.
    if (modal === 'must' && (/\b(?:said|says|stressed|told|added)\b/i.test(text.slice(0, at)) || directSpeech)) flags.push('must_reported');
    if (isNotADeed({ before: text.slice(0, at), rest: text.slice(actionStart), verb, adverbs })) flags.push('not_a_deed');
    // "the purpose of his trip was to tell …", "the aim is to …": what something is for, not a deed anyone took on.
    if (/^(?:is|are|was) to$/.test(modal) && PURPOSE_SUBJECT.test(text.slice(0, at))) flags.push('not_a_deed');
    let passive = false;
    let weak = false;
    if (verb.toLowerCase() === 'be') {
      const next = /^be\s+([A-Za-z-]+)/.exec(text.slice(actionStart));
      // "Foundation staff will be elaborating the proposals": the progressive promises the deed.
      if (next && /^[a-z]{3,}ing$/.test(next[1]) && !/^(?:being|thing)$/.test(next[1])) {
        actionStart += 3;
        flags.push('progressive');
        const { clauseStart, subject } = clauseSubject(text, at);
        if (subject === '' || /^(?:and|or|but)$/i.test(subject)) continue;
        flags.push(...subjectFlags(subject));
        cues.push({ type: 'modal', at, clauseStart, actionStart, subject, passive: false, weak: false, standing: false, flags });
        continue;
      }
      // "The dividends declared will be payable on November 26": "payable" is as passive as "paid".
      if (!next || !(isParticiple(next[1]) || /^payable$/i.test(next[1]))) continue;
      // "will be converted into the right to receive", "will be required to pay … upon termination": consequences, not deeds.
      // ("will be required to pay a termination fee" is a duty, and real texts count it.)
      if (/^(?:converted|deemed|entitled|treated|considered|subject)$/i.test(next[1])) flags.push('consequence_passive');
      // "will continue to be guided by our shared desire", "will be pleased to": an attitude, not a deed.
      if (/^(?:guided|inspired|motivated|driven|pleased|delighted|honou?red|encouraged|heartened|interested|concerned)$/i.test(next[1]))
        flags.push('state_verb');
      // "hoarding would not be tolerated": a warning, not a duty anyone took on.
      if (/\b(?:not|never)\b/i.test(adverbs) && /^(?:tolerated|spared|forgiven|condoned)$/i.test(next[1])) flags.push('warning_passive');
      // "they would be given no room to threaten …", "will be shown no mercy": nothing is given; a warning too.
      else if (/^be\s+(?:given|shown|allowed|granted|afforded|offered|left)\s+no\b/i.test(text.slice(actionStart)))
        flags.push('warning_passive');
      passive = true;
    } else if (/^(?:have|need)$/i.test(verb) && /^\w+\s+to\s+[a-z]/i.test(text.slice(actionStart))) {
      // "will have to", "will need to": an obligation, the deed follows "to".
      flags.push('obligation_to');
      actionStart += (/^\w+\s+to\s+/i.exec(text.slice(actionStart)) ?? [''])[0].length;
    } else if (isStateReading(text.slice(actionStart))) flags.push('state_verb');
    if (HEDGE_AFTER_MODAL.has(verb.toLowerCase())) {
      const to = /^\w+\s+(?:to(?:wards)?|on)\s+/.exec(text.slice(actionStart));
      weak = true;
      if (to) actionStart += to[0].length;
    }
    if (verb.toLowerCase() === 'not') verb = 'not';
    const negated = wont || /\b(?:not|never|no longer)\b/i.test(adverbs);
    // "won't merge it": the deed is the refusal, so its words keep "won't".
    if (wont) actionStart = at;
    else if (negated) actionStart = at + m[1].length + m[2].length - 1 + adverbs.search(/\b(?:not|never|no longer)\b/) + 1;
    let { clauseStart, subject } = clauseSubject(text, at);
    // "will reduce … by 2030, and will source … by 2027": a second promise by the same subject,
    // when it carries its own time; otherwise ("… and shall cause …") it is the same promise.
    const previous = cues[cues.length - 1];
    if (
      (subject === '' || /^(?:and|or|but)$/i.test(subject)) &&
      previous &&
      /,?\s+and\s+$/.test(text.slice(0, at)) &&
      findDeadlinePhrase(text.slice(at, text.slice(at).search(/[;]|$/) + at))
    ) {
      subject = previous.subject;
      clauseStart = at;
    }
    // "… would refrain from X and would resume Y": a repeated modal after "and" is a second promise.
    const repeated =
      previous &&
      /^(?:would|should)$/.test(modal) &&
      /\sand\s+$/.test(text.slice(0, at)) &&
      text.slice(previous.at, previous.at + modal.length).toLowerCase() === modal;
    if (repeated && (subject === '' || /^(?:and|or|but)$/i.test(subject) || subject.length > 40)) {
      subject = previous.subject;
      clauseStart = at;
    }
    if (subject === '' || /^(?:and|or|but)$/i.test(subject)) continue;
    const deed = text.slice(actionStart).replace(/^be\s+/i, '');
    flags.push(...subjectFlags(subject));
    const standing =
      negated ||
      /continue to|always/i.test(adverbs) ||
      STANDING_VERBS.test(deed) ||
      /^(?:maintained|kept|preserved|observed|respected|upheld|continued|prohibited|banned)\b|^remain\s/i.test(deed) ||
      /^(?:neither|no)\b/i.test(clauseSubject(text, at).subject);
    cues.push({ type: 'modal', at, clauseStart, actionStart, subject, passive, weak, standing, flags });
  }
  return cues;
}

// A pledge of money: the verb, then a sum ("pledged 8.8 billion dollars", "committing $1 billion").
const MONEY_PLEDGE =
  /\b(?:pledged|promised|committed|pledges|commits|committing|pledging|promises)\s+(?=(?:(?:an?|an\s+additional|another|a\s+further|additional|a\s+total\s+of|nearly|almost|about|around|over|more\s+than|up\s+to|at\s+least)\s+)*(?:US\s?\$|\$|€|£|USD|EUR|GBP|¥|\d[\d.,]*\s*(?:million|billion|bn|trillion|m)\b))/gi;

// "Dana owns the Postgres upgrade, to be done by 23 May": ownership of a task is a commitment to it.
const OWNERSHIP =
  /\b(?:owns|will\s+own|(?:is|are)\s+(?:responsible|accountable)\s+for|(?:is|are)\s+in\s+charge\s+of)\s+(?=(?:the|a|an|this|that|our|its|their)\s)/g;

function commissiveCues(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const m of text.matchAll(OWNERSHIP)) {
    const at = m.index ?? 0;
    const { clauseStart, subject } = clauseSubject(text, at);
    if (!/^(?:[A-Z][\w.'’-]*|@[\w.-]+)(?:\s+(?:and\s+)?[A-Z][\w.'’-]*)*$/.test(subject)) continue;
    cues.push({
      type: 'commissive',
      at,
      clauseStart,
      actionStart: at + m[0].length,
      subject,
      passive: false,
      weak: false,
      standing: false,
    });
  }
  for (const m of text.matchAll(COMMISSIVE)) {
    const at = m.index ?? 0;
    const actionStart = at + m[0].length;
    const rest = text.slice(actionStart);
    const firstWord = (/^\w+/.exec(rest) ?? [''])[0].toLowerCase();
    const flags = isStateReading(rest) ? ['state_verb'] : [];
    const nominal = m[3].toLowerCase() === 'on' || /^(?:the|a|an|its|their|our|his|her)$/.test(firstWord);
    const { clauseStart, subject } = clauseSubject(text, at);
    // A reaffirmed commitment is a standing one whatever it is to; "agreed not to" is a prohibition.
    const standing =
      (/commitment|committed/i.test(m[1]) && nominal) ||
      /^(?:reaffirm|renew|reiterat)/i.test(m[1]) ||
      /^not/i.test(m[3]) ||
      STANDING_VERBS.test(rest);
    if (nominal) flags.push('nominal_object');
    // "agreed on the importance of completing …", "agree on the need for …": emphasis, like "stressed the need".
    if (/^(?:the\s+)?(?:importance|need|necessity|significance|value|urgency)\s+(?:of|for|to)\b/i.test(rest))
      flags.push('noncommittal_scope');
    flags.push(...subjectFlags(subject));
    cues.push({ type: 'commissive', at, clauseStart, actionStart, subject, passive: false, weak: false, standing, flags });
  }
  // "Germany and France each promised 600 million euros", "are committing $1 billion … to launch": a sum given
  // is the deed itself, so the action keeps the verb ("pledged $750,000 to fund the initial work").
  for (const m of text.matchAll(MONEY_PLEDGE)) {
    const at = m.index ?? 0;
    if (cues.some((c) => Math.abs(c.at - at) < 3)) continue;
    const { clauseStart, subject } = clauseSubject(text, at);
    if (subject === '' || /^(?:and|or|but)$/i.test(subject)) continue;
    const flags = ['money_pledge', ...subjectFlags(subject)];
    cues.push({ type: 'commissive', at, clauseStart, actionStart: at, subject, passive: false, weak: false, standing: false, flags });
  }
  return cues;
}

function directiveCues(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    const object = m[2].trim();
    const flags = [...(THIRD_PARTY.test(object) ? ['third_party'] : []), ...subjectFlags(object)];
    // Base forms ("direct", "task", "request") are verbs only in lower case before a named object:
    // "a Joint Task Force … to share" and "at the request of X to" are not directives.
    if (
      /^(?:direct|instruct|task|ask|request|order|mandate|invite)$/i.test(m[1]) &&
      ((/^[A-Z]/.test(m[1]) && at > 0) ||
        /^(?:of|to|for|in|on|at|by|with|and)\b/i.test(object) ||
        // "its dual mandate and …", "a new task …": after a determiner or adjective the word is a noun.
        /\b(?:the|a|an|its|their|our|his|her|this|that|whose|new|own|joint|dual|[a-z]+(?:al|ive|ous|ful))\s+$/i.test(text.slice(0, at)))
    )
      flags.push('noun_reading');
    const actionStart = at + m[0].length - m[3].length;
    const { clauseStart, subject } = clauseSubject(text, at);
    // "calls upon X to", "urges X to": binding only when X is bound by the text (checked once all is read).
    // "The Parties request IGAD to deploy monitors": the parties ask an outsider; bound only if it is one of them.
    const appeal =
      /^(?:call|urg|encourag)/i.test(m[1]) ||
      (/^(?:request|ask|invit)/i.test(m[1]) &&
        /^(?:the\s+)?(?:parties|two\s+sides|both\s+sides|signatories|two\s+governments|both\s+governments)$/i.test(subject));
    const inviter = /^invit/i.test(m[1]) && subject !== '' ? subject : undefined;
    cues.push({
      type: appeal ? 'appeal' : 'directive',
      at,
      clauseStart,
      actionStart,
      subject: object,
      passive: false,
      weak: false,
      standing: STANDING_VERBS.test(text.slice(actionStart)),
      ...(inviter ? { inviter } : {}),
      ...(appeal && subject ? { speaker: subject } : {}),
      flags,
    });
  }
  // "ordered an immediate safety audit of all dams": the order is the commitment, its object the deed.
  for (const m of text.matchAll(NOMINAL_ORDER)) {
    const at = m.index ?? 0;
    const { clauseStart, subject } = clauseSubject(text, at);
    cues.push({
      type: 'directive',
      at,
      clauseStart,
      actionStart: at + m[1].length + 1,
      subject: subject.replace(/\s+on\s+\w+day$/i, ''),
      passive: false,
      weak: false,
      standing: false,
    });
  }
  for (const m of text.matchAll(TASKED_WITH)) {
    const at = m.index ?? 0;
    const actionStart = at + m[0].length - m[3].length;
    cues.push({
      type: 'directive',
      at,
      clauseStart: clauseSubject(text, at).clauseStart,
      actionStart,
      subject: m[2].trim(),
      passive: false,
      weak: false,
      standing: false,
    });
  }
  for (const m of text.matchAll(PASSIVE_DIRECTIVE)) {
    const at = m.index ?? 0;
    const { clauseStart, subject } = clauseSubject(text, at);
    cues.push({
      type: 'directive',
      at,
      clauseStart,
      actionStart: at + m[0].length,
      subject,
      passive: false,
      weak: false,
      standing: STANDING_VERBS.test(text.slice(at + m[0].length)),
    });
  }
  return cues;
}

// "growth is expected to slow", "we expect to be cash positive": forecasts of results. A deal's own closing
// ("the merger is expected to close in the first half of 2023", "… expected to take place in the third
// quarter") is the company's deed in the real texts' gold, so "close" and "take" are no longer here (session 4).
const FORECAST =
  /^(?:expected|expects?|anticipated|anticipates?|projected|projects?|forecast|forecasts?)\s+to\s+(?:be(?!\s+(?:completed|finished|implemented|launched|delivered|done|submitted|paid|closed\s+by|fully\s+\w+ed)\b)|remain|stay|slow|rise|fall|grow|increase|decrease|decline|drop|ease|accelerate|decelerate|rebound|recover|reach|exceed|top|surpass|create|generate|result|lead|weigh|boost|moderate|stabili[sz]e|improve|worsen|peak|average|total|amount|range|contribute|continue|pick|come|hit|cost|bring|affect|benefit)\b/i;

function hedgedCues(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const m of text.matchAll(HEDGED)) {
    const at = m.index ?? 0;
    const flags = FORECAST.test(text.slice(at)) ? ['forecast'] : [];
    const { clauseStart, subject } = clauseSubject(text, at);
    const cleaned = subject.replace(/\s+(?:is|are|was|were)$/i, '');
    flags.push(...subjectFlags(cleaned));
    cues.push({
      type: 'hedged',
      at,
      clauseStart,
      actionStart: at + m[0].length,
      subject: cleaned,
      passive: false,
      weak: true,
      standing: STANDING_VERBS.test(text.slice(at + m[0].length)),
      flags,
    });
  }
  return cues;
}

/** "demands that all armed groups immediately cease …", "directed that no construction be permitted". */
function thatClauseCues(text: string, taken: Cue[]): Cue[] {
  const cues: Cue[] = [];
  // "RESOLVED: That the Senate transmit …" (the label is already cut), "That TDC declare …": a resolution's
  // operative paragraph may open with the that-clause itself.
  const opening = OPENING_THAT.exec(text);
  for (const m of [...(opening ? [opening] : []), ...text.matchAll(THAT_CLAUSE)]) {
    const at = m.index ?? 0;
    const start = at + m[0].length;
    const clauseEnd = text.slice(start).search(/[;]|$/);
    if (taken.some((c) => c.at >= start && c.at <= start + clauseEnd)) continue;
    const rest = text.slice(start);
    const verb =
      /^((?:no\s+)?(?:(?:the|a|an|its|their|this|that|all|each|every|any)\s+)?[\w'’ -]{2,80}?)\s+((?:immediately|promptly|also|fully|not\s+)?\s*(?:be\s+[a-z]+(?:ed|en|t)\b|(?:implement|supplement|document|augment|address|assess|discuss|process|express|access|focus|progress)\b|(?!(?:of|and|or|the|for|in|on|at|to|with|from|by|an?|its|their|all|any|each|who|which|that)\b)[a-z]+(?<!ed|ing|ly|s|al|ive|ous|ful|ment|tion|sion|ness|ity)\b))/.exec(
        rest,
      );
    if (!verb) continue;
    // "that the parties will meet": the modal's own cue reads it. A modal further on ("propose ways … that
    // will allow …") sits in a relative clause of the object and leaves the subjunctive as it is.
    if (MODAL_WORD.test(`${verb[1]} ${verb[2]}`)) continue;
    // "That is why …", "That was the end …": the demonstrative, not a that-clause.
    if (m === opening && /^(?:is|was|are|were|has|had|have|does|did|do|said|seems?|means?|being)\b/i.test(verb[1])) continue;
    const subject = verb[1].trim();
    // "requested that the presentation include options for …": what a document should say, not a deed.
    // "requested that the report include options": what a document should say; "requests that the
    // administration include progress reports" is a duty of the administration.
    const flags =
      /^(?:include|contain|cover|reflect|address|incorporate|feature|describe|list|show)$/i.test(verb[2].trim()) &&
      /\b(?:report|presentation|plan|draft|document|statement|budget|proposal|agreement|text|paper|study|review|policy|list)s?$/i.test(
        verb[1].trim(),
      )
        ? ['document_content']
        : [];
    if (m === opening) flags.push('that_opening');
    // "agreed that the new hand rail was very good": a finding, not a mandate (the scorer weighs it).
    if (isIndicativeClause(rest)) flags.push('indicative_clause');
    const passive = /\bbe\s/.test(verb[2]);
    cues.push({
      type: 'subjunctive',
      at,
      clauseStart: clauseSubject(text, at).clauseStart,
      actionStart: passive ? start : start + verb[1].length + 1,
      subject: passive ? '' : subject,
      passive,
      weak: false,
      standing:
        /^no\s/i.test(subject) ||
        /\bnot\b/.test(verb[2]) ||
        STANDING_VERBS.test(verb[2].trim().replace(/^(?:immediately|promptly|also|fully)\s+/i, '')),
      flags,
    });
  }
  return cues;
}

// "Owner: Lena | Task: clean up the flags | Due: 2025-05-30" (the "Owner:" label is already cut).
const TABLE_ROW = /^(?:Owner:\s*)?(@?[\w.'’-]+(?:\s+[A-Z][\w.'’-]*)?)\s*\|\s*(?:Task|Action|Item|What):\s*/i;
// "Everyone: review …", "Dana and Sam: draft …" on an action-item line.
const NAMED_LINE = /^((?:[A-Z][a-z]+|@[\w.-]+)(?:\s+(?:and|&)\s+[A-Z][a-z]+)?):\s+(?=[a-z])/;

/** A minutes-shorthand cue ("ACTION ITEM X", "-- X to", "(Name)"): the whole line is its clause. */
function shorthandLineCue(actionStart: number, subject: string, standing: boolean, flags?: string[]): Cue {
  return {
    type: 'shorthand',
    at: 0,
    clauseStart: 0,
    actionStart,
    subject,
    passive: false,
    weak: false,
    standing,
    ...(flags ? { flags } : {}),
  };
}

function shorthandCue(sentence: Sentence): Cue[] {
  const text = sentence.text;
  const row = TABLE_ROW.exec(text) ?? (sentence.actionItem ? NAMED_LINE.exec(text) : null);
  if (row) {
    return [shorthandLineCue(row[0].length, row[1], false)];
  }
  const m = SHORTHAND.exec(text);
  if (m && !NOT_A_NAME.test(m[1]) && m[1].split(/\s+/).length <= 5 && (sentence.actionItem || / to\s+$/.test(m[0]))) {
    return [shorthandLineCue(m[0].length, m[1], STANDING_VERBS.test(text.slice(m[0].length)))];
  }
  // "ACTION: @t0xic0der Create a Google Doc …", "#action mdz draft the plan": a handle, then the task.
  const handle = sentence.actionItem ? /^(@[\w.-]+(?::[\w.-]+)?|[a-z][\w-]{1,20})\s+(?=([A-Za-z]+)\s)/.exec(text) : null;
  if (
    handle &&
    isBaseVerb(handle[2].toLowerCase()) &&
    !isBaseVerb(handle[1].toLowerCase()) &&
    !/^(?:please|pls|also|then|and|or|to|we|i|just|maybe|still|first|next|all|everyone|someone|must|should|will|need|needs)$/i.test(
      handle[1],
    )
  )
    return [shorthandLineCue(handle[0].length, handle[1], STANDING_VERBS.test(text.slice(handle[0].length)))];
  // "Bill will send a pointer …" on an action line: the modal or commissive reader has it, subject and all.
  const classic = /^(?:[A-Z][a-z]+\s+){1,2}(?:will|shall|would|must|agreed|agrees|offered|volunteered|signed\s+up|has\s+agreed)\b/.test(
    text,
  );
  if (sentence.actionItem && /^[A-Z][a-z]+\s+\w/.test(text) && !classic) {
    const owner = TRAILING_OWNER.exec(text);
    return [shorthandLineCue(0, owner?.[1] ?? '', false, owner ? ['trailing_owner'] : undefined)];
  }
  return [];
}

// "MOTION by X, seconded by Y, to …": each "to <verb>" is what the body decided, except procedure. Minutes put
// the motion word anywhere: "motion to put the truck up for bid made by …", "A motion by Adams and a second by
// Stein to purchase …", "M/S/P (8-0-0) to separate …", "the Board voted 4-1 to authorize X, …, to conduct …",
// "Judy moved, Ron seconded for Forest to make …".
const MOTION =
  /(?:^|\b)(?:MOTION|[Mm]otion(?:ed)?|It was moved|[Mm]oved|M\/S\/[PC]|voted)\b[^.;]*?(?:^|\s|,)(?:for\s+[A-Z][\w'’-]*\s+)?to\s+(?=[a-z])/;
const MOTION_PART = /(?:^|,?\s+and\s+|,\s*)to\s+(?:(?:immediately|also|then)\s+)?([a-z]+)\b/g;
const MOTION_PROCEDURE =
  /^(?:approve|adopt|accept|receive|award|authori[sz]e|adjourn|introduce|ratify|waive|table|recess|excuse|amend|confirm|direct|instruct|ask|request|task|move|continue|note|file|deny|reject|close|open)$/;
// "Motion to approve purchase of laptop …": approving a purchase or a hire is the deed itself, not procedure.
const APPROVED_DEED = /^(?:approve|authori[sz]e)\s+(?:the\s+)?(?:purchase|purchasing|hiring|hire|repair|replacement|installation)\b/;

function motionCues(text: string): Cue[] {
  const head = MOTION.exec(text);
  if (!head) return [];
  // "as the two neighbours moved to put a tense fortnight behind them": outside minutes "moved to" takes a
  // step; a motion is seconded, carried or voted on.
  if (
    /^[Mm]oved\b/.test(head[0].trimStart()) &&
    !/\b(?:second(?:ed)?|carried|unanimous(?:ly)?|in\s+favou?r|ayes?|nays?|motion)\b/i.test(text)
  )
    return [];
  const cues: Cue[] = [];
  const start = (head.index ?? 0) + head[0].length - 3;
  for (const m of text.slice(start).matchAll(MOTION_PART)) {
    const at = start + (m.index ?? 0);
    const actionStart = at + m[0].length - m[1].length;
    if (MOTION_PROCEDURE.test(m[1]) && !APPROVED_DEED.test(text.slice(actionStart))) continue;
    if (!isBaseVerb(m[1])) continue;
    cues.push({
      type: 'decision',
      at,
      clauseStart: at,
      actionStart,
      subject: '',
      passive: false,
      weak: false,
      standing: STANDING_VERBS.test(text.slice(actionStart)),
    });
  }
  return cues;
}

/**
 * "… agreed to set up a joint commission, which will meet every six months": the commission acts,
 * on behalf of those who set it up; the quote starts at "which".
 */
function actingFor(text: string, cue: Cue, previous: Cue): Cue {
  const relative = /,\s+(which|who)\s+$/i.exec(text.slice(0, cue.at));
  if (cue.type !== 'modal' || !relative || !/(?:^|,\s+)(?:which|who)$/i.test(cue.subject)) return cue;
  const actor = /((?:[\w'’-]+\s+){0,3}[\w'’-]+)\s*$/
    .exec(text.slice(previous.actionStart, relative.index))?.[1]
    .replace(/^(?:[a-z]+\s+)?(?:an?|the|its|their)\s+/i, '');
  return {
    ...cue,
    subject: previous.subject,
    clauseStart: relative.index + relative[0].length - relative[1].length - 1,
    ...(actor ? { actor } : {}),
  };
}

// Words before "to" that make it a preposition or a noun's complement, not a task: "due to", "a visit to".
const NOT_A_TASK_SUBJECT =
  /(?:^|\s)(?:in\s+order|due|prior|according|subject|up|next|close|access|visit|trip|return|response|answer|reply|invitation|commitment|ability|right|need|plan|plans|decision|agreement|efforts?|way|time|move|bid|attempt|chance|opportunity|intention|willingness|readiness|able|unable|likely|going|used|about|how|what|whether|where|when|order|want|wants|wanted|wish|like|hope|seems?|appears?|[a-z]+ed|[a-z]+ing|is|are|was|were|be|been|has|have|had|will|would|shall|should|must|can|could|may|might|not)$/i;
// "Clerk to write to owner", "T Bishton to be asked to trim", "Further details to be sought", "jdoe to update the wiki".
const TASK_INFINITIVE =
  /(?:^|[,;:]\s+|\s(?=[A-Z@]))((?:@[\w.-]+|[A-Z][\w.'’-]*|(?<=^)[a-z][\w.-]*)(?:(?:\s+|\s*[&/]\s*|\s+and\s+)(?:[A-Z][\w.'’-]*|@[\w.-]+|of|the|[a-z]+(?=\s+to\s)))*|(?<=^|[,;:]\s)(?:[A-Za-z][\w'’-]*\s+){1,6}?[A-Za-z][\w'’-]*)\s+to\s+(be\s+[a-z]+\b|(?!be\b)[a-z]+\b)/g;
const FUNCTION_WORD =
  /^(?:in|at|on|for|with|by|from|of|to|as|and|or|but|that|the|a|an|this|these|its|their|our|his|her|into|onto|about|than|then|also|who|which|where|when|while|if|so|be|it|we|they|he|she|you|i)$/i;
const ADJECTIVE_COMMIT =
  /\b(?:is|are|was|were|remain|remains|stand|stands|'re)\s+(?:(?:firmly|fully|also|now|equally|all)\s+)?(?:determined|ready|willing|prepared|resolute|dedicated)\s+to\s+(?=[a-z])/gi;
const CONTINUING = /\b(continues|continue|continued)\s+to\s+(?=[a-z])/gi;
const OBLIGATION =
  /\b(?:(?:is|are|was|were|be|remain|remains)\s+(?:legally\s+|also\s+)?(?:obligated|obliged|bound|responsible\s+for\s+ensuring\s+that|due)\s+to|requires?\s+(?:the\s+|all\s+|each\s+|every\s+)?[^,;.]{1,60}?\s+to|provides?\s+for\s+[^,;.]{1,60}?\s+to|(?:has|have|had)\s+to)\s+(?=[a-z])/gi;
// ("Let's …" was tried too: in notes it proposes far more often than it promises.)
const PLEASE = /(?:^|[.;:!,)]\s+|\s-\s+)please\s+(?=[a-z])/gi;
const NOMINAL_COMMIT =
  /\b(?:(?:our|their|its|his|her|the)\s+(?:(?:firm|strong|full|shared|joint|continued|unwavering|collective)\s+)?(?:commitment|determination|intention|resolve|pledge|undertaking|readiness|willingness)\s+(?:of\s+[^,;.]{1,60}?\s+)?to|commit(?:s|ted)?\s+(?:(?:our|their|its|his|her|the)\s+[\w-]+(?:\s+[\w-]+)?|themselves|ourselves|itself|himself|herself)\s+to|(?:agreed|decided|resolved|undertook|undertake|agree|decide)\s+(?:as\s+follows|the\s+following)\s*:\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:to\s+)?)\s*(?=[a-z])/gi;
// A promise given as a noun: "Ørsted has made a commitment to phase out coal by 2023", "announced an
// industry-leading pledge to reach net zero", "gave an undertaking to publish the review". The deed follows "to".
const GIVEN_COMMITMENT =
  /\b(?:made|makes|make|making|announced|announces|gave|gives|give|given|took|takes|entered\s+into)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:commitment|pledge|promise|undertaking)\s+to\s+(?=[a-z])/gi;
// A task line that names its owner at the end: "Update the wiki (Bob)", "send the draft [jdoe]",
// "publish the schedule [TODO Stéfan]", "Swap test (to Andrew)" (names keep their accents).
const TRAILING_OWNER =
  /\s*[([]\s*(?:TODO:?\s+|to\s+(?=@?[A-ZÀ-Þ]))?((?:[A-ZÀ-Þ][\wÀ-ÿ.'’-]*|@?[a-z][\w.-]{1,20})(?:\s*(?:,|\/|&|and)\s*(?:[A-ZÀ-Þ][\wÀ-ÿ.'’-]*|@?[a-z][\w.-]{1,20}))*)\s*[)\]]\s*\.?$/;

function subjectOf(text: string, at: number): { clauseStart: number; subject: string } {
  return clauseSubject(text, at);
}

/** Cues found by broader shapes than the classic ones; the scorer decides what they are worth. */
function broadCues(text: string, sentence: Sentence): Cue[] {
  const cues: Cue[] = [];
  const push = (
    type: CueType,
    at: number,
    actionStart: number,
    subject: string,
    flags: string[],
    clauseStart = subjectOf(text, at).clauseStart,
  ) => {
    cues.push({
      type,
      at,
      clauseStart,
      actionStart,
      subject,
      // "Quotes to be obtained": the action starts at its subject, the deed said of it.
      passive: /^be\s/.test(text.slice(actionStart)) || (type === 'infinitive' && actionStart === at),
      weak: false,
      standing: STANDING_VERBS.test(text.slice(actionStart)) || type === 'continuing',
      flags: [...flags, ...subjectFlags(subject)],
    });
  };
  for (const m of text.matchAll(TASK_INFINITIVE)) {
    const subject = m[1];
    const verb = m[2];
    if (NOT_A_TASK_SUBJECT.test(subject) || (NOT_A_NAME.test(subject) && /^\S+$/.test(subject))) continue;
    const from = (m.index ?? 0) + m[0].indexOf(subject);
    // "met today in Lisbon to re-affirm …", "partnered with Teach For Pakistan to strengthen …": after a
    // preposition or a verb, "X to …" is a purpose; after a bare noun ("… vegetation T Bishton to be
    // asked") it can start a note of its own.
    const previous = /([A-Za-z']+)\s+$/.exec(text.slice(Math.max(0, from - 30), from))?.[1] ?? '';
    if (
      from > 0 &&
      !/[,;:]\s*$/.test(text.slice(0, from)) &&
      (/^[A-Z]/.test(previous) || /(?:ed|ing|s)$/.test(previous) || FUNCTION_WORD.test(previous))
    )
      continue;
    // A leading phrase with a verb in it is a clause, not a task's subject: "Thanh indicated it would be best to start".
    if (!/^[A-Z@]/.test(subject) || subject.split(/\s+/).length > 3) {
      if (
        /\b(?:is|are|was|were|be|been|has|have|had|will|would|should|can|could|may|might|must|shall|do|does|did|[a-z]+ed)\b/i.test(subject)
      )
        continue;
    }
    if (!/^be\s/.test(verb) && !isBaseVerb(verb)) continue;
    // "Arrangements to be made to remove …", "Quotes to be sought": any participle, irregular ones too.
    if (/^be\s/.test(verb) && !isParticiple(verb.slice(3)) && !/(?:t|wn)$/.test(verb)) continue;
    const at = (m.index ?? 0) + m[0].indexOf(subject);
    const actionStart = (m.index ?? 0) + m[0].length - verb.length;
    push(
      'infinitive',
      at,
      /^be\s/.test(verb) ? at : actionStart,
      subject,
      [at === 0 ? 'at_line_start' : 'mid_line', ...(/^[a-z]/.test(subject) ? ['lowercase_subject'] : [])],
      at,
    );
  }
  for (const [pattern, type] of [
    [ADJECTIVE_COMMIT, 'commissive'],
    [CONTINUING, 'continuing'],
    [OBLIGATION, 'obligation'],
    [NOMINAL_COMMIT, 'nominal'],
    [TARGET, 'nominal'],
    [GIVEN_COMMITMENT, 'nominal'],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index ?? 0;
      const { clauseStart, subject } = subjectOf(text, at);
      push(type, at, at + m[0].length, subject, [`${type}_shape`, ...(/^continued$/i.test(m[1] ?? '') ? ['past_frame'] : [])], clauseStart);
    }
  }
  for (const m of text.matchAll(OWN_TARGET)) {
    const at = m.index ?? 0;
    const { clauseStart, subject } = subjectOf(text, at);
    push('nominal', at, at + m[0].length, subject, ['own_target'], clauseStart);
  }
  for (const m of scheduledPayments(text)) push('nominal', m.at, m.actionStart, subjectOf(text, m.at).subject, ['scheduled_payment']);
  for (const m of text.matchAll(PLEASE)) {
    const at = (m.index ?? 0) + m[0].search(/please/i);
    push('imperative', at, (m.index ?? 0) + m[0].length, '', ['please'], at);
  }
  return cues;
}

/** A list item read under its introducing line: "Signatories must agree to: - Measure and report …". */
function listedCue(text: string, sentence: Sentence): Cue[] {
  if (!sentence.listFrame) return [];
  const frameCues = detectCues({ ...sentence, text: sentence.listFrame, listFrame: undefined, actionItem: false, listItem: false });
  const committal =
    frameCues.length > 0 ||
    /\b(?:agree[sd]?|commit\w*|will|shall|must|pledge\w*|undertake\w*|resolve[sd]?|decide[sd]?|as\s+follows|following\s+(?:actions|steps|commitments))\b/i.test(
      sentence.listFrame,
    );
  if (!committal) return [];
  const lead = /^(?:to\s+)?/i.exec(text)?.[0].length ?? 0;
  const subject = frameCues[0]?.subject ?? '';
  return [
    {
      type: 'listed',
      at: 0,
      clauseStart: 0,
      actionStart: lead,
      subject,
      passive: false,
      weak: false,
      standing: STANDING_VERBS.test(text.slice(lead)),
      flags: [frameCues.length > 0 ? 'frame_cue' : 'frame_words', ...subjectFlags(subject)],
    },
  ];
}

/** All cues in a sentence, in order, minus those governed by a non-committal verb. */
export function detectCues(sentence: Sentence): Cue[] {
  const text = sentence.text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  const shorthand = shorthandCue({ ...sentence, text });
  if (shorthand.length > 0) return shorthand;
  let cues = [...commissiveCues(text), ...directiveCues(text), ...hedgedCues(text)];
  // A modal inside an agreed or hedged clause is the same promise ("agreed that X would be done").
  cues = [...cues, ...modalCues(text).filter((m) => !cues.some((c) => c.at < m.at && m.at - c.actionStart < 3 && m.at >= c.actionStart))];
  cues = [...cues, ...thatClauseCues(text, cues), ...motionCues(text)];
  // "DO HEREBY DECLARE OUR COMMITMENT: 1. To maintain …; 2. To conclude … by 2026;" — each
  // paragraph is an infinitive governed by the header, so the text's own parties are bound.
  const infinitive = /^To\s+(?!(?:date|this|that|the|be|sum|conclude,)\b)(?:(?:further|fully|jointly|also)\s+)?[a-z]+\s+\S/.exec(text);
  if (cues.length === 0 && infinitive && /[;.:]$/.test(text.trim())) {
    cues.push({
      type: 'decision',
      at: 0,
      clauseStart: 0,
      actionStart: 3,
      subject: '',
      passive: false,
      weak: false,
      standing: STANDING_VERBS.test(text.slice(3)),
    });
  }
  if (cues.length === 0 && sentence.decision && /\b[a-z]+s\b/.test(text)) {
    cues.push({ type: 'decision', at: 0, clauseStart: 0, actionStart: 0, subject: '', passive: false, weak: false, standing: false });
  }
  // The broader shapes only where the classic ones found nothing on the same words.
  for (const cue of broadCues(text, sentence)) {
    const near = cues.some(
      (c) =>
        Math.abs(c.at - cue.at) < 12 || (cue.at >= c.at && cue.at <= c.actionStart + 2) || (c.at >= cue.at && c.at <= cue.actionStart + 2),
    );
    // "appoint liaison officers in Turbat and Zahedan to further strengthen …": inside another promise's
    // words, "X to …" is its purpose; a new clause (after ",", ";" or "and") may start a task of its own.
    const inside = cues.some((c) => c.actionStart <= cue.at && !/(?:[,;]|\sand)\s+$/.test(text.slice(0, cue.at)));
    if (!near && !inside) cues.push(cue);
  }
  if (cues.length === 0) cues.push(...listedCue(text, sentence));
  // "PATHWAY #1: Use 100% renewable electricity citywide by 2035": a labelled line that opens with a bare
  // verb states a deed as a declaration's items do; the scorer weighs it (flag labelled_imperative).
  if (cues.length === 0 && sentence.label !== undefined && !sentence.actionItem && opensWithImperative(text))
    cues.push({ ...shorthandLineCue(0, '', STANDING_VERBS.test(text), ['labelled_imperative']), type: 'listed' });
  // "Mandy is meeting with … on March 21st": an arranged deed with its date, no promise word.
  if (cues.length === 0 && !sentence.actionItem) cues.push(...scheduledCues(text));
  // Notes shorthand read by its line's shape ("Will remove lock on Wed", "Joe: Open office hours …").
  if (cues.length === 0 && !sentence.actionItem) cues.push(...taskLineCues(sentence, text));
  if (cues.length === 0 && sentence.actionItem && /[a-z]{3}/.test(text)) {
    const owner = TRAILING_OWNER.exec(text);
    cues.push(shorthandLineCue(0, owner?.[1] ?? '', STANDING_VERBS.test(text), [owner ? 'trailing_owner' : 'bare_task_line']));
  }
  cues.sort((a, b) => a.at - b.at);
  // Keep one cue per region: a hedge and a modal on the same words are one promise.
  const kept: Cue[] = [];
  for (const cue of cues) {
    const previous = kept[kept.length - 1];
    if (previous && cue.at < previous.actionStart + 2) continue;
    const flagged = isNonCommittalScope(governingScope(text, cue.at), text.slice(cue.at))
      ? { ...cue, flags: [...(cue.flags ?? []), 'noncommittal_scope'] }
      : cue;
    kept.push(previous ? actingFor(text, flagged, previous) : flagged);
  }
  return kept;
}
