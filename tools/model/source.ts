/** Where the interaction model's source lives, and the JSON each locale's model is made into. */
import path from 'node:path';
import { readYamlFile } from '../yaml-file';
import { buildInteractionModel, modelSource, type ModelSource } from './expand';
import { localeWords, localModelSource } from './locales';

export const SOURCE_DIR = path.resolve(__dirname, '../../interactionModels/source');
export const MODELS_DIR = path.resolve(__dirname, '../../interactionModels/custom');
/** The one source: every other locale's model is derived from it (interactionModels/source/locales.yaml). */
export const SOURCE_LOCALE = 'en-GB';
const LOCALES_FILE = path.join(SOURCE_DIR, 'locales.yaml');

/** The locales with a model: the source's, then those derived from it. */
export function modelLocales(): string[] {
  return [SOURCE_LOCALE, ...Object.keys(readYamlFile(localeWords, LOCALES_FILE)).sort()];
}

/** A locale's model source: the source itself for en-GB, derived with the locale's words for the others. */
export function readModelSource(locale: string): ModelSource {
  const source = readYamlFile(modelSource, path.join(SOURCE_DIR, `${SOURCE_LOCALE}.yaml`));
  if (locale === SOURCE_LOCALE) return source;
  const locales = readYamlFile(localeWords, LOCALES_FILE);
  if (!Object.hasOwn(locales, locale)) throw new Error(`${LOCALES_FILE}: no locale ${locale}`);
  return localModelSource(source, locales[locale]);
}

/** Each locale, the JSON its model makes (as written to disk) and the file it belongs in. */
export function generatedModels(): { locale: string; json: string; file: string }[] {
  return modelLocales().map((locale) => ({ locale, json: `${JSON.stringify(buildInteractionModel(readModelSource(locale)), null, 2)}\n`, file: path.join(MODELS_DIR, `${locale}.json`) }));
}
