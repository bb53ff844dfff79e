/**
 * The paraphrase corpus (test/nlu/): phrasings written as patients, carers and blind users talk, none taken
 * from the model, each with the intent (and slot ids) it should reach. Two halves: `tuning` may be read when
 * improving the model; `held-out` never is, and measures how the model generalises.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

export const CORPUS_DIR = path.resolve(__dirname, '../../test/nlu');
export const HALVES = ['tuning', 'held-out'] as const;
export type Half = (typeof HALVES)[number];

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

export function readCorpus(half: Half): Phrasing[] {
  const file = path.join(CORPUS_DIR, `${half}.yaml`);
  const parsed = z.array(phrasing).safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
