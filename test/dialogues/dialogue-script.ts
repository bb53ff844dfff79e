/**
 * Dialogue scripts: conversations written as a transcript, checked through the simulator.
 *
 *   # a comment
 *   U: what tests might I have          what the listener says (one turn)
 *   I: TestDetailIntent test=bone-scan  the request it becomes (intent, and slot ids; test=? for no match)
 *   A: There are seven tests            Alexa's answer contains this (case and spacing ignored)
 *   A: /first (three|3) are/i           ... or matches this pattern
 *   A! Sorry                            ... and does not contain this
 *   R: say yes                          the reprompt contains this
 *   C: Bone scan                        the card's title is this
 *   S: ends                             the session ends here (every other turn must keep it open)
 *   ---                                 a new session starts (the same listener comes back)
 *   L: en-US                            (before the first turn) the locale the whole script is said in; en-GB if none
 */
export interface Expectation {
  kind: 'says' | 'notSays' | 'reprompt' | 'card' | 'request';
  text?: string;
  pattern?: RegExp;
  line: number;
}

export interface ScriptTurn {
  says: string;
  line: number;
  expectations: Expectation[];
  ends: boolean;
}

export type ScriptSession = ScriptTurn[];

export interface DialogueScript {
  file: string;
  title: string;
  /** The locale of every request, and the interaction model that hears it. */
  locale: string;
  sessions: ScriptSession[];
}

function textOrPattern(value: string, line: number, kind: Expectation['kind']): Expectation {
  const pattern = /^\/(.+)\/([a-z]*)$/.exec(value);
  return pattern ? { kind, pattern: new RegExp(pattern[1], pattern[2]), line } : { kind, text: value, line };
}

export function parseDialogue(file: string, source: string): DialogueScript {
  const sessions: ScriptSession[] = [[]];
  let title = '';
  let locale = 'en-GB';
  source.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text) return;
    if (text.startsWith('#')) {
      if (!title) title = text.replace(/^#+\s*/, '');
      return;
    }
    if (text === '---') {
      sessions.push([]);
      return;
    }
    const match = /^([UIARCSL])([:!])\s*(.*)$/.exec(text);
    if (!match) throw new Error(`${file}:${line}: cannot read "${text}"`);
    const [, tag, mark, value] = match;
    if (tag === 'L') {
      if (sessions.some((s) => s.length) || !/^[a-z]{2}-[A-Z]{2}$/.test(value)) throw new Error(`${file}:${line}: "L: <locale>" goes before the first turn`);
      locale = value;
      return;
    }
    const session = sessions[sessions.length - 1];
    if (tag === 'U') {
      session.push({ says: value, line, expectations: [], ends: false });
      return;
    }
    const turn = session[session.length - 1];
    if (!turn) throw new Error(`${file}:${line}: "${tag}:" before any "U:" line`);
    if (tag === 'S') {
      if (value !== 'ends') throw new Error(`${file}:${line}: only "S: ends" is understood`);
      turn.ends = true;
    } else if (tag === 'A') turn.expectations.push(textOrPattern(value, line, mark === '!' ? 'notSays' : 'says'));
    else if (tag === 'R') turn.expectations.push(textOrPattern(value, line, 'reprompt'));
    else if (tag === 'C') turn.expectations.push({ kind: 'card', text: value, line });
    else turn.expectations.push({ kind: 'request', text: value, line });
  });
  return { file, title: title || file, locale, sessions: sessions.filter((s) => s.length) };
}

const fold = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** What the turn got wrong, as messages naming the script line. */
export function checkTurn(
  file: string,
  turn: ScriptTurn,
  got: { text: string; reprompt: string | null; card: { title: string } | null; endSession: boolean; request: { intent?: string; slots?: Record<string, { id?: string }> } },
): string[] {
  const problems: string[] = [];
  const where = (e: { line: number }) => `${file}:${e.line}`;
  const holds = (e: Expectation, actual: string) => (e.pattern ? e.pattern.test(actual) : fold(actual).includes(fold(e.text ?? '')));
  for (const e of turn.expectations) {
    if (e.kind === 'says' && !holds(e, got.text)) problems.push(`${where(e)}: expected Alexa to say ${e.pattern ?? `"${e.text}"`}\n   she said: ${got.text}`);
    if (e.kind === 'notSays' && holds(e, got.text)) problems.push(`${where(e)}: Alexa should not say ${e.pattern ?? `"${e.text}"`}\n   she said: ${got.text}`);
    if (e.kind === 'reprompt' && !holds(e, got.reprompt ?? '')) problems.push(`${where(e)}: expected the reprompt to say "${e.text}", it was: ${got.reprompt}`);
    if (e.kind === 'card' && got.card?.title !== e.text) problems.push(`${where(e)}: expected a card titled "${e.text}", got ${JSON.stringify(got.card?.title)}`);
    if (e.kind === 'request') {
      const [intent, ...slots] = (e.text ?? '').split(/\s+/);
      const actual = `${got.request.intent} ${Object.entries(got.request.slots ?? {}).map(([k, v]) => `${k}=${v.id ?? '?'}`).join(' ')}`.trim();
      const expected = [intent, ...slots].join(' ');
      if (actual !== expected) problems.push(`${where(e)}: expected the request ${expected}, got ${actual}`);
    }
  }
  if (got.endSession !== turn.ends) problems.push(`${file}:${turn.line}: the session should ${turn.ends ? 'end' : 'stay open'} after "${turn.says}"`);
  return problems;
}
