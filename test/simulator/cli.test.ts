/** `npm start` as scripts and tests use it: one JSON line per turn, from --say or from standard input. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledContent as content } from '../../lambda/content/compiled';
import type { TurnResult } from '../../tools/simulator/session';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const main = path.join(root, 'tools', 'simulator', 'main.ts');

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  // Hermetic by default: nothing remembered from earlier runs unless a test names its own store.
  const store = args.includes('--store') ? [] : ['--store', 'memory'];
  // Nothing from the developer's own shell decides what a test sees (an exported SKILL_ID or LOG_LEVEL).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['SKILL_ID', 'LOG_LEVEL', 'SIMULATOR_SPEECH_PROGRAM'].includes(name)));
  const result = spawnSync(process.execPath, [tsx, main, ...store, ...args], { cwd: root, input: options.input ?? '', env: { ...inherited, ...options.env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, lines: result.stdout.split('\n').filter(Boolean), stdout: result.stdout, stderr: result.stderr };
}

/** A JSON line is a turn, or for a failed turn `{ heard, error }`. */
type JsonTurn = TurnResult & { error?: string };

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as JsonTurn);

describe('npm start -- --json', () => {
  it('prints exactly one JSON object per --say, and nothing else', () => {
    const { code, lines } = run(['--json', '--say', 'open bone secondaries guide', '--say', 'what tests might I have', '--say', 'the bone scan', '--say', 'stop']);
    expect(code).toBe(0);
    const turns = parse(lines);
    expect(turns.map((t) => t.heard)).toEqual(['open bone secondaries guide', 'what tests might I have', 'the bone scan', 'stop']);
    expect(turns.map((t) => t.request.intent ?? t.request.type)).toEqual(['LaunchRequest', 'TestsIntent', 'TestDetailIntent', 'AMAZON.StopIntent']);
    expect(turns[2].request.slots).toEqual({ test: { value: 'bone scan', id: 'bone-scan' } });
    expect(turns[2].text.startsWith(content.entries['bone-scan'].kind === 'topic' ? content.entries['bone-scan'].parts[0].split('. ')[0] : '')).toBe(true);
    expect(turns[2].ssml).toMatch(/^<speak>.*<\/speak>$/);
    expect(turns[2].card?.title).toBe(content.entries['bone-scan'].title);
    expect(turns.map((t) => t.endSession)).toEqual([false, false, false, true]);
    expect(turns[3].reprompt).toBeNull();
    expect(Object.keys(turns[0]).sort()).toEqual(['card', 'endSession', 'heard', 'reprompt', 'request', 'ssml', 'text']);
  }, 60_000);

  // Issue 13 asks for it, and a new user looking for it found it missing: the session could declare a screen, the
  // command could not.
  it('with --screen sends a device with a screen and shows the RenderDocument directive; what is said is the same', () => {
    const says = ['--say', 'what tests might I have', '--say', 'the second one'];
    const onScreen = run(['--json', '--screen', ...says]);
    expect(onScreen.code).toBe(0);
    const shown = parse(onScreen.lines);
    const spoken = parse(run(['--json', ...says]).lines);
    expect(shown.map((t) => t.directive?.type)).toEqual(['Alexa.Presentation.APL.RenderDocument', 'Alexa.Presentation.APL.RenderDocument']);
    expect(shown[0].screen?.title).toBe(content.entries.tests.title);
    expect(spoken.map((t) => [t.directive, t.screen])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(shown.map((t) => t.ssml)).toEqual(spoken.map((t) => t.ssml));
  });

  it('keeps standard output to turns even when the skill is asked to log (LOG_LEVEL=info)', () => {
    const { code, lines } = run(['--json', '--say', 'what is myeloma', '--say', 'stop'], { env: { LOG_LEVEL: 'info' } });
    expect(code).toBe(0);
    expect(parse(lines).map((t) => t.heard)).toEqual(['what is myeloma', 'stop']);
  }, 60_000);

  it('reads turns piped in on standard input the same way', () => {
    const { code, lines } = run(['--json'], { input: 'what is myeloma\nyes\n\nrepeat\n' });
    expect(code).toBe(0);
    expect(parse(lines).map((t) => t.request.intent)).toEqual(['MyelomaIntent', 'AMAZON.YesIntent', 'AMAZON.RepeatIntent']);
  }, 60_000);

  it('prints an error object and exits non-zero when the handler call fails', () => {
    // A skill locked to another skill id refuses the simulator's requests: the handler call itself fails.
    const { code, lines } = run(['--json', '--say', 'what is myeloma', '--say', 'yes'], { env: { SKILL_ID: 'amzn1.ask.skill.someone-else' } });
    expect(code).not.toBe(0);
    const [turn] = parse(lines);
    expect(turn.heard).toBe('what is myeloma');
    expect(turn.error).toBeTruthy();
    expect(lines).toHaveLength(1);
  }, 60_000);
});

describe('npm start remembers a local listener between runs', () => {
  it('keeps the pace and the welcome in a file store, per --user', () => {
    const store = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'simulator-store-')), 'preferences.json');
    const first = parse(run(['--json', '--store', store, '--say', 'open bone secondaries guide', '--say', 'speak slower', '--say', 'stop']).lines);
    expect(first[0].text.startsWith(content.ui.welcome.split('.')[0])).toBe(true);
    const again = parse(run(['--json', '--store', store, '--say', 'open bone secondaries guide']).lines);
    expect(again[0].text.startsWith(content.ui.welcomeBack)).toBe(true);
    expect(again[0].ssml).toMatch(/^<speak><prosody rate="\d+%">/);
    const someoneElse = parse(run(['--json', '--store', store, '--user', 'amzn1.ask.account.SOMEONE-ELSE', '--say', 'open bone secondaries guide']).lines);
    expect(someoneElse[0].text.startsWith(content.ui.welcome.split('.')[0])).toBe(true);
    expect(someoneElse[0].ssml).not.toContain('<prosody');
    // The file holds hashed keys and the two preferences, nothing else.
    expect(fs.readFileSync(store, 'utf8')).not.toMatch(/amzn1|bone|slower/i);
  }, 60_000);
});

describe('npm start in a terminal', () => {
  /** A folder holding an `espeak-ng` that records what it was asked to say: "espeak-ng installed", on any machine. */
  function fakeEspeak() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-espeak-'));
    const program = path.join(dir, 'espeak-ng');
    const calls = path.join(dir, 'calls.txt');
    fs.writeFileSync(program, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\n`, { mode: 0o755 });
    return { dir, program, calls: () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').split('\n').filter(Boolean) : []) };
  }

  it('prints readable turns, the SSML with --ssml, and says how to get espeak-ng when --speak cannot speak', () => {
    // espeak-ng is on the PATH, but the simulator is told to use a program that does not exist.
    const installed = fakeEspeak();
    const missing = path.join(installed.dir, 'no-such-program');
    const env = { PATH: `${installed.dir}${path.delimiter}${process.env.PATH ?? ''}`, SIMULATOR_SPEECH_PROGRAM: missing };
    const { code, stdout } = run(['--ssml', '--speak', '--say', 'what is myeloma', '--say', 'speak slower'], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Alexa: Myeloma is a type of blood cancer/);
    expect(stdout).toMatch(/SSML: <speak>/);
    expect(stdout).toMatch(/apt-get install espeak-ng/);
    expect(installed.calls()).toEqual([]);
    // The pace cannot be read from the words, so the terminal says it.
    expect(stdout).toMatch(/Alexa \(at \d+% speed\): All right/);
  }, 60_000);

  it('speaks through the program SIMULATOR_SPEECH_PROGRAM names', () => {
    const named = fakeEspeak();
    const wav = path.join(named.dir, 'answer.wav');
    const { code, stdout } = run(['--speak-to', wav, '--say', 'what is myeloma'], { env: { SIMULATOR_SPEECH_PROGRAM: named.program } });
    expect(code).toBe(0);
    expect(stdout).toContain(`(audio written to ${wav})`);
    const [call, ...others] = named.calls();
    expect(others).toEqual([]);
    expect(call).toMatch(/^-v en-gb -s \d+ -w /);
    expect(call).toContain(`-w ${wav} Myeloma is a type of blood cancer`);
  }, 60_000);

  it('talks through another locale\'s model and numbers with --locale, in that locale\'s voice', () => {
    const named = fakeEspeak();
    const wav = path.join(named.dir, 'answer.wav');
    const { code, lines } = run(['--locale', 'en-US', '--json', '--say', "my mom can't feel her legs", '--say', 'stop']);
    expect(code).toBe(0);
    const [emergency] = parse(lines);
    expect(emergency.request.intent).toBe('EmergencyIntent');
    expect(emergency.text).toMatch(/^If this is an emergency, call 911 now\./);
    expect(run(['--locale', 'en-US', '--speak-to', wav, '--say', 'what is myeloma'], { env: { SIMULATOR_SPEECH_PROGRAM: named.program } }).code).toBe(0);
    expect(named.calls()[0]).toMatch(/^-v en-us /);
  }, 60_000);

  it('refuses a locale it has no model for, naming the ones it has', () => {
    const { code, stderr } = run(['--locale', 'fr-FR', '--say', 'bonjour']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/en-GB/);
  }, 60_000);
});
