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
import { loadInteractionModel } from '../../tools/simulator/interaction-model';
import { SimulatedSession } from '../../tools/simulator/session';
import { createUnderstander, type Understander } from '../../tools/simulator/understand';
import { ssmlProblems } from '../support/alexa-ssml';
import { checkTurn, parseDialogue } from './dialogue-script';

const SCRIPTS = path.join(__dirname, 'scripts');
const model = loadInteractionModel('en-GB');
let understander: Understander;
beforeAll(async () => {
  understander = await createUnderstander(model, BUILT_IN_PHRASES);
});
const files = fs.readdirSync(SCRIPTS).filter((f) => f.endsWith('.dialogue')).sort();

describe.each(files)('%s', (file) => {
  const script = parseDialogue(file, fs.readFileSync(path.join(SCRIPTS, file), 'utf8'));
  // One listener per script, remembered between its sessions as the Lambda's store would.
  const skill = buildSkill({ preferences: createMemoryPersistenceAdapter() });
  const handler = (event: RequestEnvelope, context: never) => skill.invoke(event, context);
  it.each(script.sessions.map((session, i) => [`session ${i + 1}: "${session[0].says}"`, session]))('%s', async (_name, session) => {
    const simulated = new SimulatedSession(handler, model, understander);
    const problems: string[] = [];
    for (const turn of session) {
      const got = await simulated.say(turn.says);
      if (got.ssml) problems.push(...ssmlProblems(got.ssml, { maxWords: 110 }).map((p) => `${file}:${turn.line}: ${p}`));
      problems.push(...checkTurn(file, turn, got));
    }
    expect(problems).toEqual([]);
  });
});
