/**
 * compileContent: the real content/ compiles, every answer is short enough to say in one go and traces
 * to the source page, and a content editor's mistake is reported with the file and the field to fix.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledContent } from '../../lambda/content/compiled';
import type { SkillContent, TopicEntry } from '../../lambda/content/types';
import { compileContent, ContentError, MAX_PART_WORDS, MENU_LIST, reviewWarning } from '../../tools/content/compile';

const ROOT = path.resolve(__dirname, '..', '..');
const CONTENT = path.join(ROOT, 'content');
/** The page as it was handed to us, kept verbatim in the repo so the project checks itself anywhere. */
const SOURCE_PAGE = path.join(CONTENT, 'source-page.txt');
/** Where the team's shared copy lives, beside the repo, when it is there. */
const SHARED_SOURCE_PAGE = path.resolve(ROOT, '..', 'shared', 'source', 'secondary-bone-cancer.txt');
const CHANGES = path.join(CONTENT, 'CHANGES.md');
const ANSWER_FOLDERS = ['topics', 'tests', 'treatments', 'personal', 'details', 'unanswered'];

const content: SkillContent = compileContent(CONTENT);
const topics = Object.values(content.entries).filter((e): e is TopicEntry => e.kind === 'topic');

const yamlIds = (folder: string): string[] =>
  fs
    .readdirSync(path.join(CONTENT, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.basename(f, '.yaml'));

describe('the real content/', () => {
  it('compiles, with one entry for each answer and list file', () => {
    const ids = [...ANSWER_FOLDERS, 'lists'].flatMap(yamlIds).sort();
    expect(Object.keys(content.entries).sort()).toEqual(ids);
    expect(content.menu).toBe(MENU_LIST);
    expect(content.entries[MENU_LIST]?.kind).toBe('list');
  });

  it('is what the Lambda carries: lambda/content/compiled.ts is up to date (run `npm run content`)', () => {
    expect(compiledContent).toEqual(content);
  });

  it.each(topics.flatMap((t) => t.parts.map((part, i) => [`${t.id} part ${i + 1}`, part])))(`%s has at most ${MAX_PART_WORDS} words`, (_where, part) => {
    expect(part.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(MAX_PART_WORDS);
  });

  it('fills the About answer from source.yaml, leaving no {placeholder}', () => {
    for (const topic of topics) for (const part of topic.parts) expect(part).not.toMatch(/[{}]/);
  });
});

// ---------------------------------------------------------------------------
// Every answer traces to the source page
// ---------------------------------------------------------------------------

/** Case, punctuation and spacing do not matter: "anti-cancer (cytotoxic) drugs" ~ "anti cancer cytotoxic drugs". */
const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();

const wordsOf = (text: string): string[] => normalise(text).split(' ').filter(Boolean);
const sentencesOf = (part: string): string[] => part.split(/(?<=[.?!])\s+/).filter((s) => s.trim() !== '');

/** A run of this many words, shared with the page, is taken as a sentence coming from it. */
const RUN = 4;
/** Shorter sentences ("This is natural.") are too short to judge on their own and are not required to trace. */
const MIN_WORDS_TO_JUDGE = 6;

const sourceWords = wordsOf(fs.readFileSync(SOURCE_PAGE, 'utf8'));
const sourceText = ` ${sourceWords.join(' ')} `;
const sourceRuns = new Set(sourceWords.slice(0, sourceWords.length - RUN + 1).map((_w, i) => sourceWords.slice(i, i + RUN).join(' ')));

/** A sentence traces when it shares a run of RUN words with the page, or, if shorter, appears on it whole. */
function traces(sentence: string): boolean {
  const words = wordsOf(sentence);
  if (words.length < RUN) return sourceText.includes(` ${words.join(' ')} `);
  return words.slice(0, words.length - RUN + 1).some((_w, i) => sourceRuns.has(words.slice(i, i + RUN).join(' ')));
}

/** Sentences the editorial log quotes as the skill's own wording: a recorded departure from the page. */
const changesLog = fs.existsSync(CHANGES) ? ` ${wordsOf(fs.readFileSync(CHANGES, 'utf8')).join(' ')} ` : undefined;
const isLoggedChange = (sentence: string): boolean => changesLog !== undefined && changesLog.includes(` ${wordsOf(sentence).join(' ')} `);

/** The About answer is written for the skill (the source's dates and a disclaimer), not taken from the page. */
const WRITTEN_FOR_THE_SKILL = new Set(['about']);

const traceable = topics.filter((t) => !WRITTEN_FOR_THE_SKILL.has(t.id));
const traceableParts = traceable.flatMap((t) => t.parts.map((part, i) => [`${t.id} part ${i + 1}`, part]));

describe('every answer traces to the source page', () => {
  const shared = fs.existsSync(SHARED_SOURCE_PAGE) ? it : it.skip;
  shared('checks against a verbatim copy of the shared source page', () => {
    expect(fs.readFileSync(SOURCE_PAGE, 'utf8')).toBe(fs.readFileSync(SHARED_SOURCE_PAGE, 'utf8'));
  });

  it('the check itself tells the page from text that is not on it', () => {
    expect(traces('The most common symptom of secondary bone cancer is pain.')).toBe(true);
    expect(traces('Drinking green tea every morning cures secondary bone cancer.')).toBe(false);
  });

  it('every answer but About is checked', () => {
    expect(traceable.length).toBe(topics.length - WRITTEN_FOR_THE_SKILL.size);
    expect(traceable.length).toBeGreaterThan(0);
  });

  it.each(traceableParts)(
    `%s: every sentence of ${MIN_WORDS_TO_JUDGE} words or more shares a ${RUN}-word run with the page, or is quoted in content/CHANGES.md`,
    (_where, part) => {
      const untraced = sentencesOf(part).filter((s) => wordsOf(s).length >= MIN_WORDS_TO_JUDGE && !traces(s) && !isLoggedChange(s));
      expect(untraced).toEqual([]);
    },
  );

  // The editorial log may excuse a sentence, not a whole answer: at least half must still be the page's own words.
  it.each(traceableParts)('%s: at least half of its sentences come from the page itself', (_where, part) => {
    const sentences = sentencesOf(part);
    const fromPage = sentences.filter(traces);
    expect(fromPage.length * 2).toBeGreaterThanOrEqual(sentences.length);
  });
});

// ---------------------------------------------------------------------------
// A content editor's mistakes, each in a fresh copy of content/
// ---------------------------------------------------------------------------

describe('mistakes are reported with the file and the field', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
    fs.cpSync(CONTENT, dir, { recursive: true });
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const file = (...parts: string[]) => path.join(dir, ...parts);
  const read = (...parts: string[]) => fs.readFileSync(file(...parts), 'utf8');
  const write = (text: string, ...parts: string[]) => fs.writeFileSync(file(...parts), text);

  /** The problems compileContent reports for the copy; fails the test if it compiles. */
  function problems(): string[] {
    try {
      compileContent(dir);
    } catch (e) {
      if (e instanceof ContentError) return e.problems;
      throw e;
    }
    throw new Error('the broken content compiled without a problem');
  }

  /** The problems reported about one file, each as "field: message". */
  function problemsIn(...parts: string[]): string[] {
    const prefix = `${file(...parts)}: `;
    return problems()
      .filter((p) => p.startsWith(prefix))
      .map((p) => p.slice(prefix.length));
  }

  it('an untouched copy compiles to the same content', () => {
    expect(compileContent(dir)).toEqual(content);
  });

  it.each([
    ['without its source', (text: string) => text.replace(/^ {4}source: .*\n/m, ''), /^en-GB\.emergency\.source: /],
    ['with a letter in it', (text: string) => text.replace('number: "116 123"', 'number: "116 12a"'), /^en-GB\.crisis\.number: must be groups of digits/],
  ])('a number from outside the page %s names contacts.yaml and the field', (_what, change, problem) => {
    const before = read('contacts.yaml');
    const after = change(before);
    expect(after).not.toBe(before);
    write(after, 'contacts.yaml');
    expect(problemsIn('contacts.yaml')).toEqual([expect.stringMatching(problem)]);
  });

  it('a missing field names the file and the field', () => {
    const before = read('topics', 'symptoms.yaml');
    const after = before.replace(/^title:.*\n/m, '');
    expect(after).not.toBe(before);
    write(after, 'topics', 'symptoms.yaml');
    expect(problemsIn('topics', 'symptoms.yaml')).toEqual([expect.stringMatching(/^title: /)]);
  });

  it("an honest answer's lead into a named item that does not end with a colon names the file and withItem", () => {
    const before = read('unanswered', 'test-experience.yaml');
    const after = before.replace('what it does say is this:', 'what it does say is this.');
    expect(after).not.toBe(before);
    write(after, 'unanswered', 'test-experience.yaml');
    expect(problemsIn('unanswered', 'test-experience.yaml')).toEqual([expect.stringMatching(/^withItem: must end with a colon/)]);
  });

  it('an unknown cross-reference names the file and offer.goTo', () => {
    const before = read('topics', 'symptoms.yaml');
    const after = before.replace(/goTo: .*/, 'goTo: nowhere');
    expect(after).not.toBe(before);
    write(after, 'topics', 'symptoms.yaml');
    expect(problems()).toEqual([`${file('topics', 'symptoms.yaml')}: offer.goTo: refers to 'nowhere', which no content file defines`]);
  });

  it(`an answer of more than ${MAX_PART_WORDS} words names the file and answer[0]`, () => {
    const longAnswer = Array.from({ length: 120 }, (_w, i) => `word${i}`).join(' ');
    write(`name: the symptoms\ntitle: Symptoms\nanswer:\n  - ${longAnswer}\n`, 'topics', 'symptoms.yaml');
    expect(problems()).toEqual([expect.stringMatching(new RegExp(`^${escapeRegExp(file('topics', 'symptoms.yaml'))}: answer\\[0\\]: has 120 words`))]);
  });

  it('a list item that does not exist names items[...]', () => {
    const before = read('lists', 'tests.yaml');
    const after = before.replace('bone-biopsy]', 'bone-biopsy, bone-density-scan]');
    expect(after).not.toBe(before);
    write(after, 'lists', 'tests.yaml');
    const tests = content.entries.tests;
    if (tests?.kind !== 'list') throw new Error('content has no tests list');
    expect(problems()).toEqual([`${file('lists', 'tests.yaml')}: items[${tests.items.length}]: refers to 'bone-density-scan', which no content file defines`]);
  });

  it('an alsoAnswers target that does not exist names the file and the slot id', () => {
    const before = read('lists', 'treatments.yaml');
    const after = before.replace('painkillers: painkillers', 'painkillers: pain-relief');
    expect(after).not.toBe(before);
    write(after, 'lists', 'treatments.yaml');
    expect(problems()).toEqual([`${file('lists', 'treatments.yaml')}: alsoAnswers.painkillers: refers to 'pain-relief', which no content file defines`]);
  });

  it('a topic file that no list names is reported as unreachable', () => {
    write('name: fatigue\ntitle: Fatigue\nanswer:\n  - Many people feel tired.\n', 'topics', 'fatigue.yaml');
    expect(problems()).toEqual([`${file('topics', 'fatigue.yaml')}: is not an item of any list, so no one could reach it`]);
  });

  it('invalid YAML is reported with the file name', () => {
    write('name: the symptoms\ntitle: [Symptoms\nanswer:\n  - Pain.\n', 'topics', 'symptoms.yaml');
    expect(problemsIn('topics', 'symptoms.yaml')).toEqual([expect.stringMatching(/^is not valid YAML: /)]);
  });

  it('every problem is reported at once, not only the first', () => {
    write(read('topics', 'symptoms.yaml').replace(/goTo: .*/, 'goTo: nowhere'), 'topics', 'symptoms.yaml');
    write(read('topics', 'causes.yaml').replace(/goTo: .*/, 'goTo: elsewhere'), 'topics', 'causes.yaml');
    expect(problems()).toHaveLength(2);
    expect(() => compileContent(dir)).toThrow(/content\/ has 2 problem\(s\)/);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the age of the source', () => {
  const source = { publisher: 'Macmillan Cancer Support', title: 'Secondary bone cancer', reviewed: '2019-04-30', nextReview: '2022-04-30' };

  it('warns once the page is past its next review date', () => {
    expect(reviewWarning(source, new Date('2026-11-27T12:00:00Z'))).toMatch(/next review was due on 30 April 2022/);
  });

  it('says nothing before that date', () => {
    expect(reviewWarning(source, new Date('2022-04-29T12:00:00Z'))).toBeUndefined();
  });
});
