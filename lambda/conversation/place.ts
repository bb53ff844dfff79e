/**
 * A place in the conversation: which answer, and how far into it. Everything the skill can say again
 * ("repeat", "go back") is a place, so it is re-rendered from content rather than stored as SSML.
 */
import type { AnswerContent, AnswerEntry, AnswerList, AnswerTopic } from '../content/types';
import type { ScreenPlace } from './screens';

/** What was said with a place, so that "repeat" says it again. */
export interface SaidWith {
  /** The medical-advice disclaimer was said with it (once a session). */
  disclaim?: boolean;
  /** A new listener's first answer also says when the information was last reviewed (the welcome says it itself). */
  reviewNote?: boolean;
}

/** An answer from the content: a topic from one of its sentences, or a list from one of its groups of three. */
export interface EntryPlace extends SaidWith {
  screen?: undefined;
  /** A content entry id. */
  id: string;
  /** The sentence of a topic a turn starts at, or the group of three in a list. */
  step: number;
  /**
   * An answer said first, from its first part: the honest "the page doesn't say" before what the page does say
   * about a named test or treatment. Part of the place, so that "repeat" says it again.
   */
  lead?: string;
}

/** A place in the conversation: a content answer, or a screen (conversation/screens.ts, with each screen's variant). */
export type Place = EntryPlace | ScreenPlace;

export const isEntry = (place: Place): place is EntryPlace => place.screen === undefined;
export const startOf = (id: string): EntryPlace => ({ id, step: 0 });

/** The place itself, without what was said with it. */
export function placeOnly(place: Place): Place {
  if (isEntry(place)) return place.lead ? { id: place.id, step: place.step, lead: place.lead } : { id: place.id, step: place.step };
  const { disclaim: _d, reviewNote: _r, ...only } = place;
  return only as ScreenPlace;
}

export function samePlace(a: Place | undefined, b: Place | undefined): boolean {
  if (!a || !b) return false;
  if (isEntry(a) || isEntry(b)) return isEntry(a) && isEntry(b) && a.id === b.id && a.step === b.step;
  if (a.screen !== b.screen) return false;
  if (a.screen === 'welcome' && b.screen === 'welcome') return a.returning === b.returning;
  if (a.screen === 'all' && b.screen === 'all') return a.list === b.list && a.from === b.from;
  return true;
}

/** Lists are read this many items at a time: what a listener can hold without seeing them. */
export const GROUP_SIZE = 3;

/**
 * Where a turn that starts at sentence `start` ends (exclusive): as many sentences of the same part as `fits` allows.
 * `fits(end)` says whether a turn saying sentences start to end would be short enough. At least one sentence, unless
 * `mayBeEmpty` (something else is said first, and can be said alone) and not even one fits.
 */
export function runEnd(topic: AnswerTopic, start: number, fits: (end: number) => boolean, mayBeEmpty = false): number {
  const parts = topic.sentenceParts;
  if (mayBeEmpty && !fits(start + 1)) return start;
  let end = start + 1;
  while (end < parts.length && parts[end] === parts[start] && fits(end + 1)) end += 1;
  return end;
}

/** How many places an entry has: a topic's sentences (any may start a turn), a list's groups of three. */
export function stepsOf(entry: AnswerEntry): number {
  return entry.kind === 'topic' ? entry.sentenceParts.length : Math.ceil(entry.items.length / GROUP_SIZE);
}

/** Whether an entry place points at real content: an entry that exists, at a step it has. */
export function isValidEntryPlace(content: AnswerContent, place: EntryPlace): boolean {
  if (!Object.hasOwn(content.entries, place.id)) return false;
  return Number.isInteger(place.step) && place.step >= 0 && place.step < stepsOf(content.entries[place.id]);
}

/** The items of a list in group `step`. */
export function groupOf(list: AnswerList, step: number): string[] {
  return list.items.slice(step * GROUP_SIZE, (step + 1) * GROUP_SIZE);
}

/** The list a place is in: the list being read, or the list whose item was just answered. */
export function listAround(content: AnswerContent, id: string): AnswerList | undefined {
  const entry = Object.hasOwn(content.entries, id) ? content.entries[id] : undefined;
  const list = entry?.kind === 'list' ? entry : entry?.list ? content.entries[entry.list] : undefined;
  return list?.kind === 'list' ? list : undefined;
}

/** An item to suggest by name after group `step`: the second of that group (the only one, if alone). */
export function exampleItem(list: AnswerList, step = 0): string {
  const group = groupOf(list, step);
  return group[Math.min(1, group.length - 1)] ?? list.items[0];
}
