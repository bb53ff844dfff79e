/** Where the interaction model's source lives, and the JSON each locale's source makes. */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { buildInteractionModel, modelSource, type ModelSource } from './expand';

export const SOURCE_DIR = path.resolve(__dirname, '../../interactionModels/source');
export const MODELS_DIR = path.resolve(__dirname, '../../interactionModels/custom');

export function readModelSource(locale: string): ModelSource {
  const file = path.join(SOURCE_DIR, `${locale}.yaml`);
  const parsed = modelSource.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Each source's locale, the JSON it makes (as written to disk) and the file it belongs in. */
export function generatedModels(): { locale: string; json: string; file: string }[] {
  return fs
    .readdirSync(SOURCE_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const locale = path.basename(f, '.yaml');
      return { locale, json: `${JSON.stringify(buildInteractionModel(readModelSource(locale)), null, 2)}\n`, file: path.join(MODELS_DIR, `${locale}.json`) };
    });
}
