/**
 * The paraphrase corpus (test/nlu/): phrasings written as patients, carers and blind users talk, none taken
 * from the model, each with the intent (and slot ids) it should reach. Two halves: `tuning` may be read when
 * improving the model; `held-out` never is, and measures how the model generalises.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readYamlFile } from '../yaml-file';
import { z } from 'zod';

export const CORPUS_DIR = path.resolve(__dirname, '../../test/nlu');
/**
 * Two rounds. The first round's halves were written with the model in view; its held-out figures were seen many
 * times while tuning. The second round (`-2`) was written blind, by a writer who never saw the model or the first
 * round: its tuning half was used like the first's, its held-out half was measured once before and once after.
 * Later rounds add tuning halves only; tuning-calcium.yaml holds phrasings for the high-calcium intent, written blind
 * when it was added.
 */
export const HALVES = ['tuning', 'held-out', 'tuning-2', 'held-out-2', 'tuning-safety', 'tuning-3', 'tuning-5', 'held-out-3', 'tuning-6', 'tuning-7', 'tuning-8', 'tuning-calcium', 'tuning-11', 'tuning-12', 'tuning-13'] as const;
export type SharedHalf = (typeof HALVES)[number];
/**
 * Each other locale has its own phrasings, in its own words (test/nlu/locales/<locale>.yaml), written blind by a
 * writer who never saw the model, and split in the same two halves: "en-US tuning", "en-US held-out".
 */
export type LocaleHalf = `${string}-${string} ${'tuning' | 'held-out' | ExtraTuning}`;
export type Half = SharedHalf | LocaleHalf;
export const isTuning = (half: Half) => half.startsWith('tuning') || / tuning(-[a-z0-9]+)?$/.test(half);
export const LOCALE_CORPUS_DIR = path.join(CORPUS_DIR, 'locales');
export const localeHalves = (locale: string): LocaleHalf[] => [`${locale} tuning`, `${locale} held-out`] as LocaleHalf[];
/**
 * Later blind rounds of tuning phrasings, each file holding several locales' (a `locale` field): tuning-extra.yaml
 * (Indian English above all, and crises and emergencies for the other locales) and tuning-crisis.yaml (crises and
 * emergencies in all five), tuning-emergency.yaml, tuning-local.yaml, tuning-5.yaml (Canadian and Indian English,
 * the fifth blind round), tuning-6.yaml, tuning-7.yaml and tuning-8.yaml (the sixth to eighth, safety above all),
 * tuning-9.yaml and tuning-10.yaml (the ninth and tenth, all five locales, en-GB's too). Read to find general patterns
 * the model lacks, like the tuning halves: "en-IN tuning-extra".
 */
export const EXTRA_TUNINGS = ['tuning-extra', 'tuning-crisis', 'tuning-emergency', 'tuning-local', 'tuning-5', 'tuning-6', 'tuning-7', 'tuning-8', 'tuning-9', 'tuning-10'] as const;
export type ExtraTuning = (typeof EXTRA_TUNINGS)[number];
/** Every half a locale is measured on: en-GB's shared corpus or the locale's own halves, then the later rounds'. */
export const halvesOf = (locale: string): readonly Half[] => [...(locale === 'en-GB' ? HALVES : localeHalves(locale)), ...EXTRA_TUNINGS.map((name) => `${locale} ${name}` as Half)];
/** The locales with a corpus of their own. */
export const corpusLocales = () =>
  fs
    .readdirSync(LOCALE_CORPUS_DIR)
    .filter((f) => /^[a-z]{2}-[A-Z]{2}\.yaml$/.test(f))
    .map((f) => path.basename(f, '.yaml'))
    .sort();

const phrasing = z
  .object({
    say: z.string().min(1),
    intent: z.string().min(1),
    slots: z.record(z.string(), z.string()).optional(),
    /** Other intents that give exactly the same answer (radiotherapy is answered by managing symptoms). */
    also: z.array(z.string()).optional(),
  })
  .strict();
export type Phrasing = z.infer<typeof phrasing>;

const localePhrasing = phrasing.extend({ half: z.enum(['tuning', 'held-out']) }).strict();

export function readCorpus(half: Half): Phrasing[] {
  const extra = /^([a-z]{2}-[A-Z]{2}) (tuning-[a-z0-9]+)$/.exec(half);
  if (extra) {
    const file = path.join(LOCALE_CORPUS_DIR, `${extra[2]}.yaml`);
    return readYamlFile(z.array(phrasing.extend({ locale: z.string() }).strict()), file).filter((p) => p.locale === extra[1]).map(({ locale: _locale, ...rest }) => rest);
  }
  const local = /^([a-z]{2}-[A-Z]{2}) (tuning|held-out)$/.exec(half);
  if (local) {
    const file = path.join(LOCALE_CORPUS_DIR, `${local[1]}.yaml`);
    return readYamlFile(z.array(localePhrasing), file).filter((p) => p.half === local[2]).map(({ half: _half, ...rest }) => rest);
  }
  return readYamlFile(z.array(phrasing), path.join(CORPUS_DIR, `${half}.yaml`));
}
