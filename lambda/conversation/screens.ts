/**
 * The screens: what the skill says around the content (welcome, help, emergency, crisis, every name of a list),
 * each with its variant, its rules and how it is said. Adding a screen, or a rule for one, is a change in this file:
 * its variant in `ScreenPlace` and its row in `SCREENS` (the compiler points at anything left out). Its words are
 * content (content/ui.yaml, with their keys in UI_KEYS), and the handler that plays it says when.
 */
import type { AnswerContent } from '../content/types';
import { spokenList, withComma } from '../speech/phrases';
import { joinSpoken, type Spoken } from '../speech/spoken';
import type { Voice } from '../speech/voice';
import { isRecord } from '../util/is-record';
import { listAround, type Place, type SaidWith, startOf, stepsOf } from './place';
import type { RenderKit, Rendered } from './render';

/**
 * What is said around the content, each with its variant: the welcome (for a new or a returning listener), the
 * help, the emergency and crisis advice, and every name of a list at once ("read them all", from the name `from`).
 */
export type ScreenPlace = SaidWith &
  (
    | { screen: 'welcome'; returning: boolean }
    | { screen: 'help' }
    | { screen: 'emergency' }
    | { screen: 'crisis' }
    | { screen: 'all'; list: string; from: number }
  );
export type ScreenName = ScreenPlace['screen'];

export const welcome = (returning: boolean): ScreenPlace => ({ screen: 'welcome', returning });
export const screen = (name: 'help' | 'emergency' | 'crisis'): ScreenPlace => ({ screen: name });
export const allOf = (list: string, from = 0): ScreenPlace => ({ screen: 'all', list, from });
/** The list a place read whole ("read them all"), if it is that screen. */
export const listReadWhole = (place: Place | undefined): string | undefined => (place?.screen === 'all' ? place.list : undefined);

/** How a place behaves in the conversation. */
export interface PlaceRules {
  /**
   * The medical-advice disclaimer: 'once' said with the first such place of a session; 'itself' the place says it
   * in full (and it counts as said); 'never' the place is said alone and leaves it to what follows (safety advice).
   */
  disclaimer: 'once' | 'itself' | 'never';
  /** "Go back" returns to it, and Help and "next" work from it: content answers only. */
  remembered: boolean;
  /** A "yes" pending before it still answers that question afterwards (Help keeps it). */
  keepsOffer: boolean;
  /**
   * After a change of pace: 'offered', the skill offers to say it again at the new pace; 'at once', it says it again
   * straight away (the safety screens: the number first, with no "yes" to say before it); false, neither.
   */
  replayedOnPace: 'offered' | 'at once' | false;
  /** A new listener's note of the review date may come with it (content answers only). */
  carriesReviewNote: boolean;
  /**
   * A misunderstanding just after it offers it again, however often (the crisis answer: its number), instead of the
   * hint of what can be asked and, in time, the topics.
   */
  misheardOffersItAgain: boolean;
}

interface Screen<P extends ScreenPlace> extends PlaceRules {
  remembered: false;
  /** It tells a new listener the review date itself, so no separate note is needed. */
  saysReviewDate(place: P): boolean;
  /** The place's variant from session attributes (already a record with this screen's name), or undefined if unsound. */
  read(raw: Record<string, unknown>, content: AnswerContent): P | undefined;
  render(place: P, kit: RenderKit): Rendered;
}

type ScreenTable = { readonly [S in ScreenName]: Screen<Extract<ScreenPlace, { screen: S }>> };

/** Content answers: a topic or a list. */
export const ENTRY_RULES: PlaceRules = { disclaimer: 'once', remembered: true, keepsOffer: false, replayedOnPace: 'offered', carriesReviewNote: true, misheardOffersItAgain: false };

/** After the emergency advice, what the page says about managing symptoms is offered: pain is the commonest. */
const AFTER_EMERGENCY = 'symptom-relief';
const never = () => false;

/** The safety screens (emergency, crisis): said alone, the number first, nothing before it; a new pace says them again at once. */
const SAFETY = { disclaimer: 'never', remembered: false, keepsOffer: false, replayedOnPace: 'at once', carriesReviewNote: false, misheardOffersItAgain: false, saysReviewDate: never } as const;

export const SCREENS: ScreenTable = {
  welcome: {
    disclaimer: 'once',
    remembered: false,
    keepsOffer: false,
    // A pace change after the welcome just confirms: there is no answer to say again.
    replayedOnPace: false,
    carriesReviewNote: false,
    misheardOffersItAgain: false,
    // The long welcome names the review date; a returning listener has heard it.
    saysReviewDate: (place) => !place.returning,
    read: (raw) => (typeof raw.returning === 'boolean' ? { screen: 'welcome', returning: raw.returning } : undefined),
    render: (place, { voice, withDisclaimer }) => ({
      reply: { kind: 'ask', speech: withDisclaimer(voice.ui(place.returning ? 'welcomeBack' : 'welcome'), place), question: voice.ui('welcomeQuestion'), reprompt: voice.ui('genericReprompt') },
    }),
  },
  help: {
    disclaimer: 'itself',
    remembered: false,
    // Help keeps the question asked before it, so "yes" still answers that question.
    keepsOffer: true,
    replayedOnPace: false,
    carriesReviewNote: false,
    misheardOffersItAgain: false,
    saysReviewDate: never,
    read: () => ({ screen: 'help' }),
    render: (_place, kit) => renderHelp(kit),
  },
  emergency: {
    ...SAFETY,
    read: () => ({ screen: 'emergency' }),
    render: (_place, { voice, nameOf, fits, rate }) => {
      const said = (speech: Spoken): Rendered => ({
        reply: { kind: 'ask', speech, question: voice.ui('emergencyQuestion'), reprompt: voice.ui('offerReprompt', { name: nameOf(AFTER_EMERGENCY) }) },
        offer: startOf(AFTER_EMERGENCY),
      });
      const now = voice.ui('emergencyNow', { number: voice.emergencyNumber() });
      // The line for urgent help that is not an emergency follows, where the country has one and the turn has room
      // for it at the listener's pace: the emergency number is never pushed out of a turn, nor the turn past 40 s.
      const withLine = said(withUrgentLine(now, voice));
      return fits(withLine, rate) ? withLine : said(now);
    },
  },
  crisis: {
    ...SAFETY,
    misheardOffersItAgain: true,
    read: () => ({ screen: 'crisis' }),
    // No offer of symptom management here: "yes" says the numbers again.
    render: (_place, { voice }) => ({
      reply: {
        kind: 'ask',
        speech: voice.ui('crisisNow', { ...voice.line('crisis'), emergency: voice.emergencyNumber() }),
        question: voice.ui('crisisQuestion'),
        reprompt: voice.ui('crisisReprompt'),
      },
      offer: { screen: 'crisis' },
    }),
  },
  all: {
    // Names only, nothing medical: said without the disclaimer, which waits for the first answer that follows
    // (it used to count as said here without being said).
    disclaimer: 'never',
    // Not an answer to go back to: the list stays where it was.
    remembered: false,
    keepsOffer: false,
    replayedOnPace: 'offered',
    carriesReviewNote: false,
    misheardOffersItAgain: false,
    saysReviewDate: never,
    // One turn, or two when a long list at a slow pace would not fit in one: `from` is the first name said.
    read: (raw, content) => {
      const { list, from } = raw;
      if (typeof list !== 'string' || !Object.hasOwn(content.entries, list) || typeof from !== 'number') return undefined;
      const entry = content.entries[list];
      return entry.kind === 'list' && Number.isInteger(from) && from >= 0 && from < entry.items.length ? { screen: 'all', list, from } : undefined;
    },
    render: (place, kit) => renderAll(place, kit),
  },
};

/** The rules a place follows. */
export const rulesOf = (place: Place): PlaceRules => (place.screen === undefined ? ENTRY_RULES : SCREENS[place.screen]);

/** Whether a screen says the review date itself. */
export function screenSaysReviewDate(place: ScreenPlace): boolean {
  return (SCREENS[place.screen] as Screen<ScreenPlace>).saysReviewDate(place);
}

export function renderScreen(place: ScreenPlace, kit: RenderKit): Rendered {
  return (SCREENS[place.screen] as Screen<ScreenPlace>).render(place, kit);
}

/** A screen place from session attributes, or undefined. */
export function readScreen(raw: unknown, content: AnswerContent): ScreenPlace | undefined {
  if (!isRecord(raw) || typeof raw.screen !== 'string' || !Object.hasOwn(SCREENS, raw.screen)) return undefined;
  const place = (SCREENS[raw.screen as ScreenName] as Screen<ScreenPlace>).read(raw, content);
  if (place && raw.disclaim === true) place.disclaim = true;
  return place;
}

function renderHelp({ content, voice, nameOf, nounOf, exampleOf, at, fits, rate }: RenderKit): Rendered {
  const entry = at ? content.entries[at.id] : undefined;
  const list = at ? listAround(content, at.id) : undefined;
  let speech: Spoken;
  // Help only promises what "next" will really do from here.
  if (at && entry?.kind === 'list') {
    const more = at.step + 1 < stepsOf(entry);
    const menu = entry.id === content.menu;
    speech = voice.ui(menu ? (more ? 'helpMenu' : 'helpMenuEnd') : more ? 'helpList' : 'helpListEnd', { name: nameOf(entry.id), example: exampleOf(entry, at.step) });
  } else if (entry && list) {
    const last = list.items[list.items.length - 1] === entry.id;
    speech = voice.ui(last ? 'helpItemLast' : 'helpItem', { name: nameOf(entry.id), noun: nounOf(list.id, last ? 'many' : 'one'), example: exampleOf(list) });
  } else if (entry) speech = voice.ui('helpTopic', { name: nameOf(entry.id) });
  else speech = voice.ui('helpGeneral');
  // Help is fuller than the welcome: urgent help first ("help me" may be a call for it), the disclaimer in full, unless
  // at this pace it would take the turn past MAX_TURN_SECONDS (the end of a list, at the slowest pace).
  const urgent = voice.ui('helpUrgent', { number: voice.emergencyNumber() });
  const help = (withDisclaimer: boolean): Rendered => ({
    reply: { kind: 'ask', speech: joinSpoken(urgent, speech, withDisclaimer ? voice.ui('disclaimer') : undefined), question: voice.ui('helpQuestion'), reprompt: voice.ui('genericReprompt') },
  });
  const full = help(true);
  return fits(full, rate) ? full : help(false);
}

/** After the emergency advice, the line for urgent help that is not an emergency, where the listener's country has one. */
function withUrgentLine(speech: Spoken, voice: Voice): Spoken {
  const urgent = voice.line('urgent');
  return urgent ? joinSpoken(speech, voice.ui('urgentLine', { ...urgent })) : speech;
}

/** Every name of a list in one turn, for a listener who wants them all at once; then the choice. */
function renderAll(place: Extract<ScreenPlace, { screen: 'all' }>, { content, voice, nameOf, nounOf, exampleOf, fits, rate }: RenderKit): Rendered {
  const list = content.entries[place.list];
  if (list.kind !== 'list') throw new Error(`no list '${place.list}'`);
  const names = list.items.map(nameOf);
  const noun = nounOf(list.id, 'many');
  const choose = { question: voice.ui('listChooseQuestion'), reprompt: voice.ui('listChooseReprompt', { example: exampleOf(list) }) };
  const whole: Rendered = { reply: { kind: 'ask', speech: voice.ui('listAll', { count: voice.count(names.length), noun, items: spokenList(names) }), ...choose } };
  // A long list at a slow pace would take over MAX_TURN_SECONDS in one turn: then as many names as fit, and the rest after "yes".
  const firstPart = (shown: number): Rendered => {
    const rest = voice.count(names.length - shown);
    const items = joinSpoken(...names.slice(0, shown).map(withComma));
    return {
      reply: {
        kind: 'ask',
        speech: voice.ui('listAllFirst', { count: voice.count(names.length), noun, items, rest }),
        question: voice.ui('listAllMoreQuestion', { rest }),
        reprompt: voice.ui('listAllMoreReprompt', { rest, example: exampleOf(list) }),
      },
      offer: { screen: 'all', list: list.id, from: shown },
    };
  };
  if (place.from === 0) {
    if (fits(whole, rate) || names.length < 2) return whole;
    let shown = 1;
    while (shown + 1 < names.length && fits(firstPart(shown + 1), rate)) shown += 1;
    return firstPart(shown);
  }
  const rest = names.slice(place.from);
  return { reply: { kind: 'ask', speech: voice.ui('listAllRest', { count: voice.count(rest.length), items: spokenList(rest) }), ...choose } };
}

