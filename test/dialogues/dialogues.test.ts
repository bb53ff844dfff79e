/**
 * Runs every script in test/dialogues/scripts through the simulator `npm start` uses: the project's own
 * interaction model understands the words, real envelopes reach the real handler.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import fs from 'node:fs';
import path from 'node:path';
import { createMemoryPersistenceAdapter } from '../../lambda/persistence/memory-adapter';
import { buildSkill } from '../../lambda/skill';
import { BUILT_IN_PHRASES } from '../../tools/simulator/built-ins';
import { type InteractionModel, loadInteractionModel } from '../../tools/simulator/interaction-model';
import { SimulatedSession } from '../../tools/simulator/session';
import { createUnderstander, type Understander } from '../../tools/simulator/understand';
import { ssmlProblems } from '../support/alexa-ssml';
import { checkTurn, parseDialogue } from './dialogue-script';

const SCRIPTS = path.join(__dirname, 'scripts');
/** Each locale's model and understanding, trained once, the first time a script in that locale runs. */
const understanding = new Map<string, Promise<{ model: InteractionModel; understander: Understander }>>();
function understandingOf(locale: string) {
  if (!understanding.has(locale)) {
    const model = loadInteractionModel(locale);
    understanding.set(locale, createUnderstander(model, BUILT_IN_PHRASES).then((understander) => ({ model, understander })));
  }
  return understanding.get(locale) as Promise<{ model: InteractionModel; understander: Understander }>;
}
const files = fs.readdirSync(SCRIPTS).filter((f) => f.endsWith('.dialogue')).sort();

describe.each(files)('%s', (file) => {
  const script = parseDialogue(file, fs.readFileSync(path.join(SCRIPTS, file), 'utf8'));
  // One listener per script, remembered between its sessions as the Lambda's store would.
  const skill = buildSkill({ preferences: createMemoryPersistenceAdapter() });
  const handler = (event: RequestEnvelope, context: never) => skill.invoke(event, context);
  it.each(script.sessions.map((session, i) => [`session ${i + 1}: "${session[0].says}"`, session]))('%s', async (_name, session) => {
    const { model, understander } = await understandingOf(script.locale);
    const simulated = new SimulatedSession(handler, model, understander, { locale: script.locale });
    const problems: string[] = [];
    for (const turn of session) {
      const got = await simulated.say(turn.says);
      if (got.ssml) problems.push(...ssmlProblems(got.ssml, { maxWords: 110 }).map((p) => `${file}:${turn.line}: ${p}`));
      problems.push(...checkTurn(file, turn, got));
    }
    expect(problems).toEqual([]);
  });
});
