/**
 * Abbreviations whose full stop ends no sentence ("Sept. 6", "Mr. Khan", "i.e. the issues"), shared
 * by the layout layer (a hard-wrapped line ending in one goes on) and the sentence splitter (no
 * split after one). One list, so the two never disagree on where a sentence ends.
 */
const WORDS = [
  'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec', // months
  'Mr Ms Mrs Dr Prof Messrs Gen Lt Col Maj Capt Sen Rep Gov Hon Rev Amb Jr Sr', // titles and ranks
  'St Mt Ft', // places
  'No Nos Art Sec para paras p pp vol cf viz incl approx vs', // references
  'Inc Corp Co Ltd', // companies
].flatMap((group) => group.split(' '));
/** Written with inner stops. */
const DOTTED = ['i\\.e', 'e\\.g', 'a\\.m', 'p\\.m', 'U\\.S', 'U\\.K', 'U\\.N'];

const ALTERNATIVES = `\\b(?:${WORDS.join('|')}|${DOTTED.join('|')})\\.`;

/** A line that ends in an abbreviation (any case: "SEPT.", "para."), so a hard wrap there goes on. */
export const ENDS_IN_ABBREVIATION = new RegExp(`${ALTERNATIVES}\\s*$`, 'i');

/** The text before a full stop ends in an abbreviation or a single initial ("J. Smith"): no sentence ends there. */
export const ABBREVIATION_BEFORE_STOP = new RegExp(`(?:${ALTERNATIVES}|\\b[A-Z]\\.)$`);
