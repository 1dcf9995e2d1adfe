// The scorer's features for the first cue of one body sentence, read as the extractor reads a bare line.
import { featuresOf } from '../../src/extraction/candidate-features.js';
import { detectCues } from '../../src/extraction/detect-cues.js';
import { sentenceOf } from './sentence-of.js';

export function firstCueFeatures(text: string) {
  const sentence = sentenceOf(text);
  const [cue] = detectCues(sentence);
  return featuresOf({
    cue,
    sentence,
    action: text.slice(cue.actionStart),
    frame: '',
    phrase: undefined,
    partIndex: 0,
    sentenceFlags: [],
    intentOnly: false,
  });
}
