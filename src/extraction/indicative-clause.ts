/**
 * Whether a that-clause states a fact or an opinion rather than a deed: "agreed that the new hand rail was
 * very good", "agreed that both Tibet and Taiwan are inalienable parts …", "agreed that the treaties' signing
 * symbolises …", "agreed that meetings between leaders contributed …". A mandate's verb is a bare subjunctive
 * ("agreed that field visits be arranged", "requests that the Secretariat propose …"): the clause's first
 * verb tells which.
 */
import { nlp } from './tagger.js';

// (Not "have": "That every college have an open forum" is a subjunctive.)
const FINITE_AUXILIARY = /^(?:is|are|was|were|has|had|ought|remains|seems)$/i;

/** `clause`: the words after "that", up to the first comma or stop. */
export function isIndicativeClause(clause: string): boolean {
  const words = clause.split(/[,;.:]/)[0];
  const terms = (nlp(words).json() as { terms: { text: string; tags: string[] }[] }[]).flatMap((s) => s.terms);
  for (const [i, t] of terms.entries()) {
    const word = t.text.replace(/[^A-Za-z]/g, '');
    if (/^be$/i.test(word)) return false;
    if (FINITE_AUXILIARY.test(word)) return true;
    const tags = new Set(t.tags);
    // "That this Council does hereby direct …": a resolution's emphatic "does"; "the opening of …": a noun.
    if (!tags.has('Verb') || /^(?:does|do)$/i.test(word) || /ing$/i.test(word)) continue;
    // "the report requested by the Clerk be sent": a participle in the subject.
    if (/ed$/i.test(word) && /^by$/i.test(terms[i + 1]?.text ?? '')) continue;
    if (tags.has('Infinitive')) return false;
    if ((tags.has('PresentTense') && /[^s]s$/i.test(word)) || (tags.has('PastTense') && /ed$/i.test(word))) return true;
  }
  return false;
}
