/**
 * Does an answer lead with the point? Each question of the point-first corpus (test/answers/) goes through the same
 * understanding and the same handler as `npm start`, as a one-shot from a new listener, and the first sentence of
 * what Alexa says must hold one of the question's `point` phrases. Two halves, like the paraphrase corpus: the tuning
 * half may be read when improving answers; the held-out half is reported as counts only.
 */
import path from 'node:path';
import { readYamlFile } from '../yaml-file';
import { z } from 'zod';
import { buildSkill } from '../../lambda/skill';
import { createMemoryPersistenceAdapter } from '../../lambda/persistence/memory-adapter';
import { BUILT_IN_PHRASES } from '../simulator/built-ins';
import type { InteractionModel } from '../simulator/interaction-model';
import { SimulatedSession, type SkillHandler } from '../simulator/session';
import { createUnderstander, numberAsSaid } from '../simulator/understand';

export const POINT_FIRST_DIR = path.resolve(__dirname, '../../test/answers');
export const POINT_FIRST_HALVES = ['tuning', 'tuning-2', 'tuning-3', 'tuning-4', 'tuning-5', 'tuning-6', 'tuning-7', 'tuning-8', 'tuning-9', 'tuning-10', 'tuning-11', 'held-out', 'held-out-2', 'held-out-3'] as const;
export type PointFirstHalf = (typeof POINT_FIRST_HALVES)[number];
/** Reported as counts only, never read when improving answers. */
export const HELD_OUT_HALVES = ['held-out', 'held-out-2', 'held-out-3'] as const satisfies readonly PointFirstHalf[];

const question = z.strictObject({ say: z.string().min(1), point: z.array(z.string().min(1)).min(1) });
export type PointQuestion = z.infer<typeof question>;

export function readPointFirst(half: PointFirstHalf): PointQuestion[] {
  const file = path.join(POINT_FIRST_DIR, `point-first-${half}.yaml`);
  return readYamlFile(z.array(question), file);
}

/** A year from 2010 to 2099 as it is said ("2022" → "twenty twenty two"), as Alexa says a year and as writers write it. */
const yearsSaid = (text: string) => text.replace(/\b20([1-9]\d)\b/g, (_, yy: string) => `twenty ${numberAsSaid(yy)}`);
/** Lower case, apostrophes kept, everything else a space: "PET-CT" and "pet ct" compare equal. */
const plain = (text: string) => ` ${yearsSaid(text).toLowerCase().replace(/[’‘]/g, "'").replace(/[^a-z0-9']+/g, ' ').trim()} `;

/** Whether a first sentence holds a point phrase, whatever the case, punctuation or way of writing a year. */
export const holdsPoint = (first: string, point: string) => plain(first).includes(plain(point));

/** The first sentence of what was said (the readable text, as a listener hears it). */
export function firstSentence(text: string): string {
  return /^.*?[.?!](?=\s|$)/.exec(text.trim())?.[0] ?? text.trim();
}

export interface PointOutcome {
  question: PointQuestion;
  intent: string;
  first: string;
  ok: boolean;
}

export async function measurePointFirst(model: InteractionModel, half: PointFirstHalf): Promise<PointOutcome[]> {
  const skill = buildSkill({ preferences: createMemoryPersistenceAdapter() });
  const handler: SkillHandler = (event, context) => skill.invoke(event, context);
  const understander = await createUnderstander(model, BUILT_IN_PHRASES);
  const outcomes: PointOutcome[] = [];
  for (const q of readPointFirst(half)) {
    // A new listener each time, asking straight out: the hardest case, since a first answer carries the most.
    const session = new SimulatedSession(handler, model, understander, { userId: `amzn1.ask.account.POINT-${outcomes.length}` });
    const turn = await session.say(q.say);
    const first = firstSentence(turn.text);
    outcomes.push({ question: q, intent: turn.request.intent ?? turn.request.type, first, ok: q.point.some((p) => holdsPoint(first, p)) });
  }
  return outcomes;
}
