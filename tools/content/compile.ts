/**
 * Reads content/ and turns it into the typed SkillContent the skill speaks from. Every problem is
 * reported with its file and field, and any problem stops the build: a broken cross-reference or an
 * answer too long to say in one go is found here, not by a listener.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { type AnswerContent, type AnswerEntry, type Entry, type ListEntry, type Offer, type SkillContent, SOURCE_LOCALE, type TermPlace, type TopicEntry } from '../../lambda/content/types';
import { answerFile, contactsFile, lexiconFile, listFile, localesFile, sourceFile, uiFile } from './schema';
import { sentencesOf } from './sentences';
import { usesTerm } from '../../lambda/content/terms';

/**
 * Words one part of an answer may have. A part is where an editor chose to pause; the skill says a part in as many
 * turns as the listener's pace needs to keep each under 40 seconds (lambda/conversation/render.ts), and never runs
 * two parts into one turn.
 */
export const MAX_PART_WORDS = 80;
/** The list that "what can I ask" and "start over" read. */
export const MENU_LIST = 'topics';
/** Folders of single answers; each file's name (without .yaml) is its id. */
const ANSWER_FOLDERS = ['topics', 'tests', 'treatments', 'personal', 'details', 'unanswered'];
/** Reached by their own intents or by name, never from a list: answers to questions about the listener's own case
 * (personal/), things the page names inside an answer (details/, such as denosumab), and questions the page does not
 * answer, said honestly before what it does say (unanswered/). */
const UNLISTED_FOLDERS = new Set(['personal', 'details', 'unanswered']);

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`content/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

type Problems = string[];

function readYaml(file: string, problems: Problems): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${file}: is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function parseFile<S extends z.ZodType>(schema: S, file: string, problems: Problems): z.infer<S> | undefined {
  const raw = readYaml(file, problems);
  if (raw === undefined && problems.some((p) => p.startsWith(`${file}:`))) return undefined;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(file)';
    problems.push(`${file}: ${field}: ${issue.message}`);
  }
  return undefined;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
}

const idOf = (file: string) => path.basename(file, '.yaml');
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const spokenDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const spokenMonth = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A warning for whoever builds the skill once the page is past its next review date: the content may be out of
 * date, and the charity may have published a newer page. A warning, not a failure: the skill still says so.
 */
export function reviewWarning(source: { nextReview: string }, today = new Date()): string | undefined {
  if (today.getTime() <= new Date(`${source.nextReview}T23:59:59Z`).getTime()) return undefined;
  return `warning: content/source.yaml: the page's next review was due on ${spokenDate(source.nextReview)}; check the source for a newer version`;
}

export function compileContent(contentDir: string): SkillContent {
  const problems: Problems = [];
  const at = (...parts: string[]) => path.join(contentDir, ...parts);

  const source = parseFile(sourceFile, at('source.yaml'), problems);
  const lexicon = parseFile(lexiconFile, at('lexicon.yaml'), problems);
  const ui = parseFile(uiFile, at('ui.yaml'), problems);
  const contacts = parseFile(contactsFile, at('contacts.yaml'), problems);
  const locales = parseFile(localesFile, at('locales.yaml'), problems);
  if (locales && contacts) {
    // Every locale served has its numbers, and every set of numbers belongs to a locale served.
    const served = Object.keys(locales).sort().join(', ');
    if (served !== Object.keys(contacts).sort().join(', ')) problems.push(`${at('contacts.yaml')}: must have exactly the locales of locales.yaml (${served})`);
    if (!Object.hasOwn(locales, SOURCE_LOCALE)) problems.push(`${at('locales.yaml')}: must have ${SOURCE_LOCALE}, the page's own`);
    // A locale is kept as changes to the one it is like, which is itself kept whole against en-GB: one step, no loops.
    for (const [locale, { like }] of Object.entries(locales)) {
      if (like !== undefined && (!Object.hasOwn(locales, like) || like === locale || locales[like].like !== undefined)) {
        problems.push(`${at('locales.yaml')}: ${locale}.like: must name another locale that is like none itself`);
      }
    }
  }
  // The About answer and the welcome name the source's dates from source.yaml, so they are written once.
  const fill = (s: string) =>
    source
      ? s
          .replaceAll('{publisher}', source.publisher)
          .replaceAll('{reviewed}', spokenDate(source.reviewed))
          .replaceAll('{reviewedMonth}', spokenMonth(source.reviewed))
          .replaceAll('{nextReview}', spokenDate(source.nextReview))
      : s;

  const entries: Record<string, Entry> = {};
  /** Ids of files that exist but failed to parse. */
  const known = new Set<string>();
  const unlisted = new Set<string>();
  const fileOf: Record<string, string> = {};
  const add = (entry: Entry, file: string) => {
    if (entries[entry.id]) problems.push(`${file}: id '${entry.id}' is already used by ${fileOf[entry.id]}`);
    entries[entry.id] = entry;
    fileOf[entry.id] = file;
  };

  for (const folder of ANSWER_FOLDERS) {
    for (const file of yamlFiles(at(folder))) {
      const data = parseFile(answerFile, file, problems);
      if (!data) {
        known.add(idOf(file)); // reported already; references to it are not problems of their own
        continue;
      }
      const parts = data.answer.map((p) => fill(p.replace(/\s+/g, ' ')));
      parts.forEach((p, i) => {
        if (wordCount(p) > MAX_PART_WORDS) problems.push(`${file}: answer[${i}]: has ${wordCount(p)} words; split it into parts of at most ${MAX_PART_WORDS}`);
        if (/[{}]/.test(p)) problems.push(`${file}: answer[${i}]: has an unknown {placeholder}`);
      });
      const topic: TopicEntry = { kind: 'topic', id: idOf(file), title: data.title, name: data.name, parts, sentenceParts: sentencesOf({ parts }).map((s) => s.part) };
      if (UNLISTED_FOLDERS.has(folder)) unlisted.add(topic.id);
      if (data.offer) topic.offer = data.offer;
      if (data.alwaysDisclaim) topic.alwaysDisclaim = true;
      if (data.givesReviewDate) topic.givesReviewDate = true;
      if (data.contact) topic.contact = data.contact;
      if (data.withItem) topic.withItem = fill(data.withItem.replace(/\s+/g, ' '));
      add(topic, file);
    }
  }
  for (const file of yamlFiles(at('lists'))) {
    const data = parseFile(listFile, file, problems);
    if (!data) {
      known.add(idOf(file));
      continue;
    }
    const list: ListEntry = {
      kind: 'list',
      id: idOf(file),
      title: data.title,
      name: data.name,
      intro: data.intro.replace(/\s+/g, ' '),
      noun: data.noun,
      items: data.items,
      alsoAnswers: data.alsoAnswers ?? {},
    };
    if (data.after) list.after = data.after;
    add(list, file);
  }

  checkReferences(entries, fileOf, known, unlisted, problems);
  if (!entries[MENU_LIST] || entries[MENU_LIST].kind !== 'list') problems.push(`${at('lists', `${MENU_LIST}.yaml`)}: the menu list is missing`);
  if (problems.length || !source || !lexicon || !ui || !contacts || !locales) throw new ContentError(problems);

  const compiled = { source, entries, menu: MENU_LIST, lexicon, ui: Object.fromEntries(Object.entries(ui).map(([k, v]) => [k, fill(v)])) as typeof ui, contacts, locales };
  return { ...compiled, terms: termsOf(compiled) };
}

/** Every goTo, item and alsoAnswers target must exist; every answer but the unlisted ones must be reachable from a list. */
function checkReferences(entries: Record<string, Entry>, fileOf: Record<string, string>, known: Set<string>, unlisted: Set<string>, problems: Problems): void {
  const mustExist = (ref: string, file: string, field: string) => {
    if (!Object.hasOwn(entries, ref) && !known.has(ref)) problems.push(`${file}: ${field}: refers to '${ref}', which no content file defines`);
  };
  const listed = new Set<string>();
  for (const entry of Object.values(entries)) {
    const file = fileOf[entry.id];
    const offer: Offer | undefined = entry.kind === 'topic' ? entry.offer : entry.after;
    if (offer) mustExist(offer.goTo, file, entry.kind === 'topic' ? 'offer.goTo' : 'after.goTo');
    if (entry.kind !== 'list') continue;
    entry.items.forEach((item, i) => {
      mustExist(item, file, `items[${i}]`);
      listed.add(item);
      const target = entries[item];
      // An item belongs to its list (for "next test"), except in the menu, which only points at topics.
      if (target?.kind === 'topic' && entry.id !== MENU_LIST) {
        if (target.list) problems.push(`${file}: items[${i}]: '${item}' is already an item of list '${target.list}'`);
        target.list = entry.id;
      }
    });
    for (const [slotId, target] of Object.entries(entry.alsoAnswers)) mustExist(target, file, `alsoAnswers.${slotId}`);
  }
  for (const entry of Object.values(entries)) {
    if (entry.id !== MENU_LIST && !unlisted.has(entry.id) && !listed.has(entry.id)) problems.push(`${fileOf[entry.id]}: is not an item of any list, so no one could reach it`);
  }
}

/** What the skill reads at run time: the content without anything said (that is in the speech book) but card titles. */
export function answersOf(content: SkillContent): AnswerContent {
  const entries: Record<string, AnswerEntry> = {};
  for (const [id, entry] of Object.entries(content.entries)) {
    if (entry.kind === 'topic') {
      const { parts: _parts, name: _name, withItem: _withItem, offer, ...topic } = entry;
      entries[id] = offer ? { ...topic, offer: { goTo: offer.goTo } } : topic;
    } else {
      const { intro: _intro, noun: _noun, name: _name, after, ...list } = entry;
      entries[id] = after ? { ...list, after: { goTo: after.goTo } } : list;
    }
  }
  return { entries, menu: content.menu, terms: content.terms };
}

/** Each lexicon word's first sentence, in the order a listener meets the page: the menu's topics, a list's items after it, then the rest. */
function termsOf(content: Omit<SkillContent, 'terms'>): Record<string, TermPlace> {
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    order.push(id);
    const entry = content.entries[id];
    if (entry.kind === 'list') entry.items.forEach(visit);
  };
  visit(content.menu);
  Object.keys(content.entries).sort().forEach(visit);
  const terms: Record<string, TermPlace> = {};
  for (const { written } of content.lexicon) {
    for (const id of order) {
      const entry = content.entries[id];
      const step = entry.kind === 'topic' ? sentencesOf(entry).findIndex((s) => usesTerm(s.text, written)) : -1;
      if (step >= 0) {
        // The word as each locale spells it too ("hypercalcemia"): a listener there hears, and is heard, that way.
        const spellings = Object.values(content.locales).flatMap(({ spelling }) => Object.entries(spelling ?? {}).filter(([gb]) => gb.toLowerCase() === written.toLowerCase()).map(([, local]) => local));
        for (const word of [written, ...spellings]) terms[word.toLowerCase()] = { id, step };
        break;
      }
    }
  }
  return terms;
}

/**
 * The generated module's text. Topics and lists are written apart, each entry without its id (its key) or its kind
 * (which group it is in), and both are given back at load: the bundle is near its 150 KB goal.
 * test/speech/speech-book.test.ts checks the module against answersOf.
 */
export function answersModule(answers: AnswerContent): string {
  const group = (kind: AnswerEntry['kind']) =>
    Object.fromEntries(Object.entries(answers.entries).flatMap(([id, { id: _id, kind: k, ...entry }]) => (k === kind ? [[id, entry]] : [])));
  return `// Generated by \`npm run content\` from content/. Do not edit: edit the YAML and rebuild.
import type { AnswerContent, AnswerEntry, AnswerList, AnswerTopic } from './types';

const topics: Record<string, Omit<AnswerTopic, 'id' | 'kind'>> = ${JSON.stringify(group('topic'))};
const lists: Record<string, Omit<AnswerList, 'id' | 'kind'>> = ${JSON.stringify(group('list'))};

const entries: Record<string, AnswerEntry> = {};
for (const [id, topic] of Object.entries(topics)) entries[id] = { id, kind: 'topic', ...topic };
for (const [id, list] of Object.entries(lists)) entries[id] = { id, kind: 'list', ...list };

export const answers: AnswerContent = { entries, menu: ${JSON.stringify(answers.menu)}, terms: ${JSON.stringify(answers.terms)} };
`;
}
