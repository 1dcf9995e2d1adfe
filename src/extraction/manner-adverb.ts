/**
 * An -ly adverb before a deed's verb ("will only provide", "completely stop", "significantly contribute"),
 * as a regular-expression source to build into the readers that skip it. "apply", "supply", "rely" and the
 * like end in -ly and are verbs.
 */
export const MANNER_ADVERB = String.raw`(?!(?:apply|supply|reply|comply|imply|multiply|rely|fly|rally|tally|ally)\b)[a-z]+ly`;
