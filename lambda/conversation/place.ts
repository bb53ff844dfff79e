/**
 * A place in the conversation: which answer, and how far into it. Everything the skill can say again
 * ("repeat", "go back") is a place, so it is re-rendered from content rather than stored as SSML.
 */
import type { Entry, ListEntry, SkillContent, TopicEntry } from '../content/types';

/** Screens that are not content: the welcome and the help, which repeat can replay too. */
export const WELCOME = '@welcome';
export const HELP = '@help';
/** The safety net's answer: a screen too, so "repeat" says the emergency advice again. */
export const EMERGENCY = '@emergency';
/** The answer to thoughts of suicide or self-harm: the crisis line, then the emergency number. */
export const CRISIS = '@crisis';
/** Every name of a list in one turn ("read them all"): a screen, so "repeat" replays it and the list stays where it was. */
const ALL_OF = '@all:';
export const allOf = (listId: string): Place => ({ id: `${ALL_OF}${listId}`, step: 0 });
/** The list an "all of" screen reads, if the id is one. */
export const listOfAll = (id: string): string | undefined => (id.startsWith(ALL_OF) ? id.slice(ALL_OF.length) : undefined);
/** Screens say what they say about the conversation; they are not answers "go back" returns to. */
export const isScreen = (id: string) => id.startsWith('@');

export interface Place {
  /** A content entry id, or a screen: WELCOME, HELP, EMERGENCY, CRISIS. */
  id: string;
  /** The sentence of a topic a turn starts at, or the group of three in a list. */
  step: number;
  /** The medical-advice disclaimer was said with it (once a session), so a repeat says it too. */
  disclaim?: boolean;
  /** A new listener's first answer also says when the information was last reviewed (the welcome says it itself). */
  reviewNote?: boolean;
  /**
   * An answer said first, from its first part: the honest "the page doesn't say" before what the page does say
   * about a named test or treatment. Part of the place, so that "repeat" says it again.
   */
  lead?: string;
}

/** Lists are read this many items at a time: what a listener can hold without seeing them. */
export const GROUP_SIZE = 3;

/** A sentence of a topic, with the part it belongs to. */
export interface Sentence {
  text: string;
  part: number;
}

const sentenceCache = new WeakMap<TopicEntry, Sentence[]>();

/**
 * A topic's sentences, in order. A turn says a run of them, as many as fit the listener's pace, and never runs
 * across a part: parts are where the content's editors chose to pause.
 */
export function sentencesOf(topic: TopicEntry): Sentence[] {
  let sentences = sentenceCache.get(topic);
  if (!sentences) {
    sentences = topic.parts.flatMap((text, part) => text.split(/(?<=[.?!])\s+(?=[A-Z])/).map((sentence) => ({ text: sentence, part })));
    sentenceCache.set(topic, sentences);
  }
  return sentences;
}

/**
 * Where a turn that starts at sentence `start` ends (exclusive): as many sentences of the same part as `fits` allows.
 * `fits(end)` says whether a turn saying sentences start to end would be short enough. At least one sentence, unless
 * `mayBeEmpty` (something else is said first, and can be said alone) and not even one fits.
 */
export function runEnd(topic: TopicEntry, start: number, fits: (end: number) => boolean, mayBeEmpty = false): number {
  const sentences = sentencesOf(topic);
  if (mayBeEmpty && !fits(start + 1)) return start;
  let end = start + 1;
  while (end < sentences.length && sentences[end].part === sentences[start].part && fits(end + 1)) end += 1;
  return end;
}

/** How many places an entry has: a topic's sentences (any may start a turn), a list's groups of three. */
export function stepsOf(entry: Entry): number {
  return entry.kind === 'topic' ? sentencesOf(entry).length : Math.ceil(entry.items.length / GROUP_SIZE);
}

export function isValidPlace(content: SkillContent, place: Place): boolean {
  // The welcome has two forms: step 0 for a first visit, step 1 for a returning listener.
  if (place.id === WELCOME) return place.step === 0 || place.step === 1;
  if (place.id === HELP || place.id === EMERGENCY || place.id === CRISIS) return place.step === 0;
  const all = listOfAll(place.id);
  // "Read them all" is one turn, or two when a long list at a slow pace would not fit in one: step is the first name said.
  if (all !== undefined) {
    const list = Object.hasOwn(content.entries, all) ? content.entries[all] : undefined;
    return list?.kind === 'list' && Number.isInteger(place.step) && place.step >= 0 && place.step < list.items.length;
  }
  if (!Object.hasOwn(content.entries, place.id)) return false;
  const entry = content.entries[place.id];
  return Number.isInteger(place.step) && place.step >= 0 && place.step < stepsOf(entry);
}

export const startOf = (id: string): Place => ({ id, step: 0 });

export function samePlace(a: Place | undefined, b: Place | undefined): boolean {
  return Boolean(a && b && a.id === b.id && a.step === b.step);
}

/** The items of a list in group `step`. */
export function groupOf(list: ListEntry, step: number): string[] {
  return list.items.slice(step * GROUP_SIZE, (step + 1) * GROUP_SIZE);
}

/** The list a place is in: the list being read, or the list whose item was just answered. */
export function listAround(content: SkillContent, id: string): ListEntry | undefined {
  const entry = Object.hasOwn(content.entries, id) ? content.entries[id] : undefined;
  const list = entry?.kind === 'list' ? entry : entry?.list ? content.entries[entry.list] : undefined;
  return list?.kind === 'list' ? list : undefined;
}

/** An item to suggest by name after group `step`: the second of that group (the only one, if alone). */
export function exampleItem(list: ListEntry, step = 0): string {
  const group = groupOf(list, step);
  return group[Math.min(1, group.length - 1)] ?? list.items[0];
}
