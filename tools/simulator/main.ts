/**
 * `npm start`: talk to the skill in the terminal. What you type is understood through the project's own
 * interaction model, sent to the real Lambda handler as the Alexa service would send it, and what Alexa
 * would say is printed (and spoken, with --speak).
 *
 *   npm start                                   a conversation; type "open bone secondaries guide" or a question
 *   npm start -- --ssml                         show the raw SSML too
 *   npm start -- --speak                        read answers aloud with espeak-ng, at the listener's pace
 *   npm start -- --speak-to answer.wav          write them to a WAV file instead (answer-2.wav, … for later turns)
 *                                               (SIMULATOR_SPEECH_PROGRAM=/path/to/espeak-ng: another espeak-ng than the PATH's)
 *   npm start -- --user someone-else            another Alexa user id
 *   npm start -- --locale en-GB                 pick an interaction model
 *   npm start -- --screen                       a device with a screen (APL): --json shows the RenderDocument directive
 *   npm start -- --store memory                 remember preferences only for this run (default: .simulator/preferences.json; or none)
 *   npm start --silent -- --json --say "what is myeloma" --say "yes"   one JSON line per turn (for scripts and
 *                                               tests; --silent keeps npm's "> start" banner off standard output)
 */
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { availableLocales } from './interaction-model';
import { DEFAULT_USER, SimulatedSession, type TurnResult } from './session';
import { DEFAULT_STORE, localSkill, understandingFor } from './setup';
import { createSpeaker } from './speak';

// The skill logs a JSON line per request for CloudWatch; in the terminal that is noise unless asked for.
process.env.LOG_LEVEL ??= 'silent';

const USAGE = `Usage: npm start -- [--json] [--say "<words>"]... [--ssml] [--speak | --speak-to <file.wav>] [--user <id>] [--locale <locale>] [--screen] [--store <file>|memory|none]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      say: { type: 'string', multiple: true },
      ssml: { type: 'boolean', default: false },
      speak: { type: 'boolean', default: false },
      'speak-to': { type: 'string' },
      user: { type: 'string', default: DEFAULT_USER },
      locale: { type: 'string', default: 'en-GB' },
      screen: { type: 'boolean', default: false },
      store: { type: 'string', default: DEFAULT_STORE },
      help: { type: 'boolean', default: false },
    },
  });
  // With --json, standard output is the turns and nothing else; the skill's log lines would go there too.
  if (values.json) process.env.LOG_LEVEL = 'silent';
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!availableLocales().includes(values.locale)) {
    console.error(`No interaction model for ${values.locale}. Available: ${availableLocales().join(', ')}`);
    return 2;
  }
  const { model, understander } = await understandingFor(values.locale);
  const session = new SimulatedSession(localSkill(values.store), model, understander, { userId: values.user, locale: values.locale, screen: values.screen });

  // SIMULATOR_SPEECH_PROGRAM names the espeak-ng to run (tests point it at a stand-in, or at nothing).
  const speaker = values.speak || values['speak-to'] ? createSpeaker({ toFile: values['speak-to'], program: process.env.SIMULATOR_SPEECH_PROGRAM, locale: values.locale }) : undefined;
  const say = (turn: TurnResult, tell: (message: string) => void) => {
    const message = speaker && turn.ssml ? speaker.speak(turn.ssml) : undefined;
    if (message) tell(message);
  };

  const scripted = values.say ?? [];
  if (values.json || scripted.length || !process.stdin.isTTY) {
    const lines = scripted.length ? scripted : await readStdinLines();
    return runScript(session, lines, (turn) => {
      if (values.json) printJson(turn);
      else printTurn(turn, values);
      // With --json, standard output is only JSON lines: what the speaker has to say goes to standard error.
      say(turn, values.json ? console.error : console.log);
    });
  }
  return runInteractive(session, model.invocationName, values, say);
}

type Printer = (turn: TurnResult) => void;

async function runScript(session: SimulatedSession, lines: string[], print: Printer): Promise<number> {
  for (const line of lines.filter((l) => l.trim())) {
    try {
      print(await session.say(line));
    } catch (e) {
      console.log(JSON.stringify({ heard: line, error: (e as Error).message }));
      return 1;
    }
  }
  return 0;
}

function printJson(turn: TurnResult): void {
  console.log(JSON.stringify(turn));
}

function printTurn(turn: TurnResult, options: { ssml: boolean }): void {
  const intent = turn.request.intent ? ` ${turn.request.intent}${formatSlots(turn)}` : '';
  console.log(`  [${turn.request.type}${intent}]`);
  // The pace is heard, not read: say it, since the text alone cannot show it.
  const rate = /<prosody rate="(\d+)%">/.exec(turn.ssml ?? '')?.[1];
  console.log(`Alexa${rate ? ` (at ${rate}% speed)` : ''}: ${turn.text || '(says nothing)'}`);
  if (options.ssml && turn.ssml) console.log(`  SSML: ${turn.ssml}`);
  if (turn.reprompt) console.log(`  (if you say nothing: ${turn.reprompt})`);
  if (turn.card) console.log(`  [card in the Alexa app: ${turn.card.title}]`);
  if (turn.screen) console.log(`  [on the screen: ${turn.screen.title}]`);
  if (turn.endSession) console.log('  (session ended)');
}

function formatSlots(turn: TurnResult): string {
  const slots = Object.entries(turn.request.slots ?? {});
  if (!slots.length) return '';
  return ` {${slots.map(([name, s]) => `${name}: "${s.value}"${s.id ? ` → ${s.id}` : ' (no match)'}`).join(', ')}}`;
}

async function runInteractive(session: SimulatedSession, invocation: string, options: { ssml: boolean }, say: (turn: TurnResult, tell: (message: string) => void) => void): Promise<number> {
  console.log(`Talk to the skill as you would to Alexa. Try "open ${invocation}", or just ask "what is secondary bone cancer".`);
  console.log('Say "stop" to end a session; press Ctrl+D to leave.\n');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'You: ' });
  rl.prompt();
  for await (const line of rl) {
    if (line.trim()) {
      try {
        const turn = await session.say(line);
        printTurn(turn, options);
        say(turn, console.log);
      } catch (e) {
        console.log(`  The skill failed: ${(e as Error).message}`);
      }
    }
    rl.prompt();
  }
  await session.end();
  console.log('');
  return 0;
}

async function readStdinLines(): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readline.createInterface({ input: process.stdin })) lines.push(line);
  return lines;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e.message);
    process.exit(1);
  },
);
