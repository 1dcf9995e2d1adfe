/**
 * Verbs that report what a plan will bring about in the accounts or to people, not a deed anyone owes:
 * "expects to incur $1.3 million in charges", "will record pre-tax charges", "expects to realize
 * $3.0 million in savings", "the closure will impact about 230 employees". Filings and announcements
 * mix these with the company's real undertakings ("will redeem", "will pay", "will close"); the scorer
 * weighs the class as one feature, as it weighs a forecast.
 */
const RESULT_VERB = /^(?:incur|record|recogni[sz]e|reali[sz]e|save|impact|affect|cost|total|yield|accrue|amortize|amortise|book)$/i;

export function isResultVerb(verb: string): boolean {
  return RESULT_VERB.test(verb);
}
