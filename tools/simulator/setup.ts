/**
 * What `npm start` and `npm run web` (and their tests) share: the real skill with a local preferences store, and
 * the interaction model's understanding for a locale. One place, so the terminal and the page cannot drift apart.
 */
import path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import { createFilePersistenceAdapter } from '../../lambda/persistence/file-adapter';
import { createMemoryPersistenceAdapter } from '../../lambda/persistence/memory-adapter';
import { buildSkill } from '../../lambda/skill';
import { BUILT_IN_PHRASES } from './built-ins';
import { type InteractionModel, loadInteractionModel } from './interaction-model';
import type { SkillHandler } from './session';
import { createUnderstander, type Understander } from './understand';

/** Where a local listener's pace is remembered, so a second run (or a new session in the page) is a return visit. */
export const DEFAULT_STORE = path.resolve(__dirname, '../../.simulator/preferences.json');

/** `--store`: a file, `memory` (this run only) or `none`. */
export function preferenceStore(store: string): PersistenceAdapter | undefined {
  if (store === 'none') return undefined;
  if (store === 'memory') return createMemoryPersistenceAdapter();
  return createFilePersistenceAdapter(path.resolve(store));
}

/** The same skill as on Lambda; only where preferences are kept differs. */
export function localSkill(store: string): SkillHandler {
  const skill = buildSkill({ skillId: process.env.SKILL_ID || undefined, preferences: preferenceStore(store) });
  return (event, context) => skill.invoke(event, context);
}

/** A locale's interaction model and the understanding trained on it (about 0.7 s: train once per locale and keep it). */
export async function understandingFor(locale: string): Promise<{ model: InteractionModel; understander: Understander }> {
  const model = loadInteractionModel(locale);
  return { model, understander: await createUnderstander(model, BUILT_IN_PHRASES) };
}
