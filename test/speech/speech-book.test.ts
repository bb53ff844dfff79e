/**
 * The speech book is compiled at build time, so what a request joins was escaped and pronounced once. Here it is
 * compiled afresh from content/ and checked against the generated modules the skill ships, fragment by fragment:
 * valid Alexa SSML, the page's own words (the lexicon changes how they sound, never what they say), and lengths
 * that agree with an independent reading of the SSML.
 */
import { answers } from '../../lambda/content/answers';
import { compiledContent as content } from '../../lambda/content/compiled';
import type { TopicEntry } from '../../lambda/content/types';
import { packBook, unpackBook } from '../../lambda/speech/book';
import { packedSpeech } from '../../lambda/speech/compiled';
import { textOf } from '../../lambda/speech/ssml';
import { secondsOf, type Spoken } from '../../lambda/speech/spoken';
import { answersOf } from '../../tools/content/compile';
import { sentencesOf } from '../../tools/content/sentences';
import { compileSpeech } from '../../tools/content/speech';
import { ssmlProblems, spokenSeconds } from '../support/alexa-ssml';

const fresh = compileSpeech(content);
const speak = (ssml: string) => `<speak>${ssml}</speak>`;

/** Every fragment in the book, with where it is. */
function fragments(value: unknown, at = 'book'): [string, Spoken][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fragments(v, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  if ('ssml' in value && 'words' in value) return [[at, value as Spoken]];
  return Object.entries(value).flatMap(([k, v]) => fragments(v, `${at}.${k}`));
}

describe('the speech book', () => {
  it('is what content/ compiles to today (npm run content wrote it), and what the bundle unpacks', () => {
    expect(packedSpeech).toEqual(packBook(fresh));
    expect(unpackBook(packedSpeech)).toEqual(fresh);
    expect(answers).toEqual(answersOf(content));
  });

  it('has a name for every entry and a sentence for every sentence of every answer', () => {
    for (const entry of Object.values(content.entries)) {
      expect(fresh.entries[entry.id].name.ssml).not.toBe('');
      if (entry.kind === 'topic') expect(fresh.entries[entry.id].sentences).toHaveLength(answers.entries[entry.id].kind === 'topic' ? (answers.entries[entry.id] as TopicEntry).sentenceParts.length : -1);
    }
  });

  const all = fragments(fresh);
  it.each(all)('%s is valid Alexa SSML', (_where, fragment) => {
    expect(ssmlProblems(speak(fragment.ssml))).toEqual([]);
  });

  it('says the page in its own words: every sentence reads back as the content wrote it', () => {
    for (const entry of Object.values(content.entries)) {
      if (entry.kind !== 'topic') continue;
      expect(fresh.entries[entry.id].sentences.map((s) => textOf(s.ssml))).toEqual(sentencesOf(entry).map((s) => s.text));
      expect(textOf(fresh.entries[entry.id].name.ssml)).toBe(entry.name);
    }
  });

  it('measures each fragment as an independent reading of its SSML does (within a word: "&" is said "and")', () => {
    const far = all.filter(([, f]) => Math.abs(secondsOf(f, 100) - spokenSeconds(speak(f.ssml))) > 0.41).map(([where]) => where);
    expect(far).toEqual([]);
    // Not a vacuous check: a name for each of the ~60 entries, their sentences, the UI pieces.
    expect(all.length).toBeGreaterThan(200);
  });

  it('applies the lexicon where the content uses its words', () => {
    const ssml = fresh.entries['bone-scan'].sentences.map((s) => s.ssml).join(' ') + fresh.entries.bisphosphonates.name.ssml;
    expect(ssml).toMatch(/<phoneme alphabet="ipa" ph="[^"]+">[Bb]isphosphonates<\/phoneme>/);
  });
});
