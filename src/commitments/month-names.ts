/**
 * The month names as texts write them, as regular-expression sources for the patterns that read
 * dates (one list, so every reader knows the same months). Case is the pattern's own: with the `i`
 * flag they also read "march" and "SEPT".
 */

/** Spelt out: "September". */
export const MONTH_FULL = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

/** Spelt out or shortened: "September", "Sept", "Sep" (a full stop after it is the pattern's to allow). */
export const MONTH_NAME =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
