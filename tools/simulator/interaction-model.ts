/** Reads the project's interaction model: the one source of what can be said to the skill. */
import fs from 'node:fs';
import path from 'node:path';

export interface ModelIntent {
  name: string;
  samples: string[];
  slots: { name: string; type: string }[];
}

export interface SlotValue {
  id: string;
  name: string;
  synonyms: string[];
}

export interface InteractionModel {
  locale: string;
  invocationName: string;
  intents: ModelIntent[];
  slotTypes: Record<string, SlotValue[]>;
}

interface RawModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: { name: string; samples?: string[]; slots?: { name: string; type: string }[] }[];
      types?: { name: string; values: { id?: string; name: { value: string; synonyms?: string[] } }[] }[];
    };
  };
}

export const MODELS_DIR = path.resolve(__dirname, '../../interactionModels/custom');

export function availableLocales(): string[] {
  return fs
    .readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.basename(f, '.json'))
    .sort();
}

export function loadInteractionModel(locale = 'en-GB'): InteractionModel {
  const raw = JSON.parse(fs.readFileSync(path.join(MODELS_DIR, `${locale}.json`), 'utf8')) as RawModel;
  const lm = raw.interactionModel.languageModel;
  const slotTypes: Record<string, SlotValue[]> = {};
  for (const type of lm.types ?? []) {
    slotTypes[type.name] = type.values.map((v) => ({ id: v.id ?? v.name.value, name: v.name.value, synonyms: v.name.synonyms ?? [] }));
  }
  return {
    locale,
    invocationName: lm.invocationName,
    intents: lm.intents.map((i) => ({ name: i.name, samples: i.samples ?? [], slots: i.slots ?? [] })),
    slotTypes,
  };
}
