/**
 * Every reply the skill says is rendered here, from data: a place (a content answer or a screen) or a notice (a
 * "sorry", a confirmation). Pure: content, place and context in, compiled speech out. Handlers choose what to say;
 * they never compose it. Every answer leads with the point, then asks one follow-up question whose "yes" is the
 * returned `offer`.
 */
import type { AnswerContent, AnswerList, AnswerTopic, UiKey } from '../content/types';
import { spokenList } from '../speech/phrases';
import type { AskReply, Card, Reply } from '../speech/reply';
import { BEFORE_QUESTION_MS, MAX_TURN_SECONDS } from '../speech/duration';
import { NOTHING, textOf } from '../speech/ssml';
import { fromListener, joinSpoken, lengthOf, secondsOf, silence, type Spoken } from '../speech/spoken';
import { kept } from '../util/kept';
import type { Voice } from '../speech/voice';
import { type EntryPlace, exampleItem, groupOf, isEntry, type Place, runEnd, startOf, stepsOf } from './place';
import { renderScreen, screen } from './screens';

export interface Rendered {
  reply: AskReply;
  /** Where "yes" (or "next") goes from here, if anywhere. */
  offer?: Place;
}

/** A reply that is not a place: said once, never replayed by "repeat". */
export interface Said {
  reply: Reply;
  offer?: Place;
}

export interface RenderContext {
  /** The last content answer, which Help speaks about. */
  at?: EntryPlace;
  /** The listener's pace as a prosody rate (100 is normal): a long answer is said in more turns when it is slower. */
  rate?: number;
  /** Words the listener said that named nothing the content has: a short "sorry" naming them comes first. */
  unknownItem?: string;
}

/** What a screen's row (conversation/screens.ts) renders with. */
export interface RenderKit {
  content: AnswerContent;
  voice: Voice;
  at?: EntryPlace;
  rate: number;
  nameOf(id: string): Spoken;
  /** A list's noun for one of its items, or for several. */
  nounOf(listId: string, count: 'one' | 'many'): Spoken;
  /** An item to suggest by name, from the group just read: what the listener has fresh. */
  exampleOf(list: AnswerList, step?: number): Spoken;
  withDisclaimer(speech: Spoken, place: Place): Spoken;
  fits(rendered: Rendered, rate: number): boolean;
}

/** Replies that are not places, as data: which one, and what it needs. */
export type Notice =
  /** A UI sentence, then "What would you like to know?". */
  | { say: 'prompt'; key: PromptKey }
  | { say: 'goodbye' }
  | { say: 'unsupportedLocale' }
  /** Not understood: a hint that fits the list being heard (if any, at group `step`). */
  | { say: 'misheard'; list?: AnswerList; step: number }
  /** Not understood twice: the topics are offered. */
  | { say: 'offerTopics' }
  /** "Go back" with nothing before: the topics are offered (the reason said only if not said just now). */
  | { say: 'nothingBefore'; explained: boolean }
  /** "The fifth one" when there are fewer. */
  | { say: 'noSuchItem'; choices: readonly string[]; unheard?: boolean }
  /** Not understood just after the crisis answer: its number offered again (conversation/screens.ts says when). */
  | { say: 'misheardAfterCrisis' }
  /** A pace change, confirmed (at the new pace), offering to say `again` at it. */
  | { say: 'paceChanged'; confirm: PaceKey; again?: Place };

/** The confirmations of a pace change: sentences without slots. */
export type PaceKey = Extract<UiKey, 'paceSlower' | 'paceFaster' | 'paceNormal' | 'paceSlowest' | 'paceFastest'>;

/** UI sentences that stand alone before the general question. */
export type PromptKey = Extract<UiKey, 'noAfterOffer' | 'nothingToRepeat' | 'yesWithoutOffer' | 'nothingNext' | 'chooseNoList' | 'unsupportedRequest' | 'touchNothing' | 'error'>;

export interface Renderer {
  /** Whether a rendered reply, with its question, can be said in MAX_TURN_SECONDS at `rate`. */
  fits(rendered: Rendered, rate: number): boolean;
  render(place: Place, context?: RenderContext): Rendered;
  /** The same reply with a new listener's note of the review date at the end of what is said (as `reviewNote` places it). */
  withReviewNote(rendered: Rendered): Rendered;
  notice(notice: Notice): Said;
  /** A UI sentence, then "What would you like to know?": also what the error handler says when all else fails. */
  prompt(key: PromptKey): AskReply;
}

/** Heard text is echoed back cut short (by characters, never inside an emoji): it is whatever the listener, or a bad request, said. */
const MAX_ECHO_CHARS = 60;
/** ...and to a few words, so the apology never pushes an answer past ~40 seconds. */
const MAX_ECHO_WORDS = 6;
const echoOf = (heard: string) => Array.from(heard.split(/\s+/).slice(0, MAX_ECHO_WORDS).join(' ')).slice(0, MAX_ECHO_CHARS).join('');

const BEFORE_QUESTION = silence(BEFORE_QUESTION_MS);
/** Shared from now on, so never changed: a change would throw (modules are strict), not leak into another answer. */
const frozen = (rendered: Rendered): Rendered => {
  Object.freeze(rendered.reply);
  if (rendered.offer) Object.freeze(rendered.offer);
  return Object.freeze(rendered);
};
/** Renderings kept a locale: far more than the content has places at every pace (a few thousand at most). */
const MAX_KEPT_RENDERINGS = 20_000;

export function createRenderer(content: AnswerContent, voice: Voice): Renderer {
  const entry = (id: string) => content.entries[id];
  const nameOf = (id: string): Spoken => voice.entry(id).name;
  const nounOf = (listId: string, count: 'one' | 'many'): Spoken => voice.entry(listId)[count] ?? nameOf(listId);
  const exampleOf = (list: AnswerList, step = 0): Spoken => nameOf(exampleItem(list, step));
  const withDisclaimer = (speech: Spoken, place: Place): Spoken =>
    joinSpoken(speech, place.disclaim ? voice.ui('disclaimer') : undefined, place.reviewNote ? voice.ui('reviewNote') : undefined);

  /** Whether a reply, with its question, can be said in MAX_TURN_SECONDS at the listener's pace (added up, not joined). */
  const fits = ({ reply }: Rendered, rate: number) => secondsOf(lengthOf(reply.speech, BEFORE_QUESTION, reply.question), rate) <= MAX_TURN_SECONDS;

  /** What was said first, alone, when the answer would not fit after it: the answer `id` is offered, from its start. */
  const offeredAlone = (prefix: Spoken, place: Place, id: string): Rendered => ({
    reply: { kind: 'ask', speech: withDisclaimer(prefix, place), question: voice.ui('prefixOfferQuestion', { name: nameOf(id) }), reprompt: voice.ui('offerReprompt', { name: nameOf(id) }) },
    offer: startOf(id),
  });

  /** A follow-up question from content (the entry's own question leads to `goTo`), with the reprompt that says what "yes" would bring. */
  function offerReply(from: string, goTo: string | undefined): Pick<AskReply, 'question' | 'reprompt'> & { offer?: Place } {
    const question = voice.entry(from).question;
    if (!goTo || !question) return { question: voice.ui('welcomeQuestion'), reprompt: voice.ui('genericReprompt') };
    return { question, reprompt: voice.ui('offerReprompt', { name: nameOf(goTo) }), offer: startOf(goTo) };
  }

  /** After an item's last part: the next item of its list, or where the list leads after its last item. */
  function nextAfterItem(topic: AnswerTopic): ReturnType<typeof offerReply> {
    const list = topic.list ? entry(topic.list) : undefined;
    if (topic.offer || !list || list.kind !== 'list') return offerReply(topic.id, topic.offer?.goTo);
    const next = list.items[list.items.indexOf(topic.id) + 1];
    if (!next) return offerReply(list.id, list.after?.goTo);
    return { question: voice.ui('nextItemQuestion', { noun: nounOf(list.id, 'one'), name: nameOf(next) }), reprompt: voice.ui('offerReprompt', { name: nameOf(next) }), offer: startOf(next) };
  }

  /** A topic's card, made once: the answer in full, and a number from outside the page (content/contacts.yaml) after it, where the locale has one. */
  const cardOf = kept((topic: AnswerTopic): Card => {
    const line = topic.contact ? voice.line(topic.contact) : undefined;
    const contact = line && `${textOf(line.name.ssml)}: ${textOf(line.number.ssml)}, ${textOf(line.hours.ssml)}.`;
    // The answer as written: its sentences, a paragraph a part.
    const said = voice.entry(topic.id).sentences;
    const parts: string[] = [];
    topic.sentenceParts.forEach((part, i) => (parts[part] = parts[part] === undefined ? textOf(said[i].ssml) : `${parts[part]} ${textOf(said[i].ssml)}`));
    return { title: topic.title, text: [...parts, ...(contact ? [contact] : [])].join('\n\n') };
  });

  /**
   * `prefix` is said before the answer; `into`, where there is one, instead, when at least one sentence follows: the
   * honest lead as one clause that the answer's first sentence completes.
   */
  function renderTopic(topic: AnswerTopic, place: EntryPlace, rate: number, prefix: Spoken | undefined, into?: Spoken): Rendered {
    const said = voice.entry(topic.id).sentences;
    const card = cardOf(topic);
    const disclaimed = topic.alwaysDisclaim ? { ...place, disclaim: true } : place;
    // What ends a turn: after the last sentence, the support line (where the locale has one) and the follow-up; before it, "more?".
    const contact = topic.contact ? voice.line(topic.contact) : undefined;
    const line = contact ? voice.ui('supportLine', { ...contact }) : undefined;
    const { offer: afterLast, ...followUp } = nextAfterItem(topic);
    const more = { question: voice.ui('moreQuestion'), reprompt: voice.ui('moreReprompt') };
    /** The turn that says sentences from this place's up to `end`, with what follows them. */
    const turnTo = (end: number): Rendered => {
      // Only what was said first, when not even one sentence fits after it: the answer is offered, not started.
      if (end === place.step) return offeredAlone(prefix ?? joinSpoken(), disclaimed, topic.id);
      const last = end >= said.length;
      const speech = withDisclaimer(joinSpoken(opening, ...said.slice(place.step, end), last ? line : undefined), disclaimed);
      if (!last) return { reply: { kind: 'ask', speech, ...more, card }, offer: { id: topic.id, step: end } };
      return { reply: { kind: 'ask', speech, ...followUp, card }, offer: afterLast };
    };
    // As many sentences as can be said, with the question, in MAX_TURN_SECONDS at the listener's pace. What a turn
    // to `end` would say is added up from the compiled lengths, without building it: only the chosen turn is built.
    const opening = into ?? prefix;
    const around = lengthOf(withDisclaimer(joinSpoken(opening, BEFORE_QUESTION), disclaimed));
    const fitsTo = (end: number): boolean => {
      const last = end >= said.length;
      const length = lengthOf(around, ...(last ? [line, followUp.question] : [more.question]), ...said.slice(place.step, end));
      return secondsOf(length, rate) <= MAX_TURN_SECONDS;
    };
    return turnTo(runEnd(topic, place.step, fitsTo, prefix !== undefined));
  }

  /** A list's card, made once: its intro as written, then every item by title. */
  const listCard = kept(
    (list: AnswerList): Card => ({ title: list.title, text: [textOf(voice.entry(list.id).intro?.ssml ?? NOTHING), ...list.items.map((id) => `• ${entry(id).title}`)].join('\n') }),
  );
  function renderList(list: AnswerList, place: EntryPlace): Rendered {
    const group = groupOf(list, place.step).map(nameOf);
    const items = spokenList(group);
    const isLast = place.step + 1 >= stepsOf(list);
    let speech: Spoken;
    if (place.step === 0) {
      const fill = { count: voice.count(list.items.length), noun: nounOf(list.id, 'many'), size: voice.count(group.length), items };
      // How many and the first names, then what the list is about.
      speech = joinSpoken(voice.ui(isLast ? 'listOpeningOnly' : 'listOpening', fill), voice.entry(list.id).intro);
    } else if (!isLast) {
      speech = voice.ui('listNextGroup', { size: voice.count(group.length), items });
    } else {
      speech = group.length === 1 ? voice.ui('listLastOne', { items }) : voice.ui('listLastGroup', { size: voice.count(group.length), items });
    }
    speech = withDisclaimer(speech, place);
    const card = listCard(list);
    if (isLast) {
      return { reply: { kind: 'ask', speech, question: voice.ui('listChooseQuestion'), reprompt: voice.ui('listChooseReprompt', { example: exampleOf(list, place.step) }), card } };
    }
    const nextSize = voice.count(groupOf(list, place.step + 1).length);
    return {
      reply: { kind: 'ask', speech, question: voice.ui('listMoreQuestion', { size: nextSize }), reprompt: voice.ui('listMoreReprompt', { size: nextSize, example: exampleOf(list, place.step) }), card },
      offer: { id: list.id, step: place.step + 1 },
    };
  }

  function render(place: Place, { at, rate = 100, unknownItem }: RenderContext = {}): Rendered {
    // Said first: a "sorry" naming what was heard, or the honest "the page doesn't say" of a lead.
    const lead = isEntry(place) && place.lead !== undefined ? leadPart(place.lead) : undefined;
    const prefix = unknownItem !== undefined ? voice.ui(usesAnswerWords(unknownItem) ? 'unknownItemElsewhere' : 'unknownItem', { heard: fromListener(echoOf(unknownItem)) }) : lead;
    if (!isEntry(place)) return prefixed(renderScreen(place, { content, voice, at, rate, nameOf, nounOf, exampleOf, withDisclaimer, fits }), prefix);
    const target = entry(place.id);
    // The honest lead as one clause with the item's first sentence, so that what the page does say comes first too.
    const into = lead && place.lead !== undefined && unknownItem === undefined ? voice.entry(place.lead).withItem : undefined;
    if (target.kind === 'topic') return renderTopic(target, place, rate, prefix, into);
    const rendered = prefixed(renderList(target, place), prefix);
    // Too long together at the listener's pace: what was said first, then the list is offered.
    return prefix && !fits(rendered, rate) ? offeredAlone(prefix, place, target.id) : rendered;
  }

  /**
   * Whether what the listener named has a word (of four letters or more) that some answer says: then the page does
   * speak of it ("bone pain"), and "the page doesn't mention it" would be untrue. The words are gathered the first
   * time a name is not known, never on the common path.
   */
  let answerWords: Set<string> | undefined;
  function usesAnswerWords(heard: string): boolean {
    answerWords ??= new Set(
      Object.keys(content.entries).flatMap((id) => [voice.entry(id).name, ...voice.entry(id).sentences].flatMap((said) => textOf(said.ssml).toLowerCase().split(/[^a-z]+/))),
    );
    const words = answerWords;
    return heard.toLowerCase().split(/[^a-z]+/).some((word) => word.length >= 4 && words.has(word));
  }

  /** A lead's first part, the sentences of its part 0; nothing if the lead is not a topic. */
  function leadPart(id: string): Spoken | undefined {
    const topic = Object.hasOwn(content.entries, id) ? entry(id) : undefined;
    if (topic?.kind !== 'topic') return undefined;
    const said = voice.entry(topic.id).sentences;
    return joinSpoken(...said.filter((_, i) => topic.sentenceParts[i] === 0));
  }

  const prefixed = (rendered: Rendered, prefix: Spoken | undefined): Rendered =>
    prefix ? { ...rendered, reply: { ...rendered.reply, speech: joinSpoken(prefix, rendered.reply.speech) } } : rendered;

  const ask = (speech: Spoken): AskReply => ({ kind: 'ask', speech, question: voice.ui('welcomeQuestion'), reprompt: voice.ui('genericReprompt') });
  const topicsOffer = () => startOf(content.menu);

  function notice(said: Notice): Said {
    switch (said.say) {
      case 'prompt':
        return { reply: ask(voice.ui(said.key)) };
      case 'goodbye':
        return { reply: { kind: 'tell', speech: voice.ui('goodbye') } };
      case 'unsupportedLocale':
        return { reply: { kind: 'tell', speech: voice.ui('unsupportedLocale') } };
      case 'misheard': {
        const { list, step } = said;
        const speech = list && list.id !== content.menu ? voice.ui('fallbackList', { name: nameOf(list.id), example: nameOf(exampleItem(list, step)) }) : voice.ui('fallbackGeneral');
        return { reply: { kind: 'ask', speech, question: voice.ui('fallbackQuestion'), reprompt: voice.ui('genericReprompt') } };
      }
      case 'misheardAfterCrisis':
        return { reply: { kind: 'ask', speech: voice.ui('fallbackAfterCrisis'), question: voice.ui('crisisQuestion'), reprompt: voice.ui('crisisReprompt') }, offer: screen('crisis') };
      case 'offerTopics':
        return { reply: { kind: 'ask', speech: joinSpoken(), question: voice.ui('fallbackOfferTopics'), reprompt: voice.ui('offerReprompt', { name: nameOf(content.menu) }) }, offer: topicsOffer() };
      case 'nothingBefore':
        return { reply: { kind: 'ask', speech: said.explained ? joinSpoken() : voice.ui('nothingBefore'), question: voice.ui('topicsQuestion'), reprompt: voice.ui('topicsReprompt') }, offer: topicsOffer() };
      case 'noSuchItem':
        return {
          reply: {
            kind: 'ask',
            // A position not heard (none, or none Alexa could resolve) is not one past the end.
            speech: said.unheard ? voice.ui('chooseWhich') : voice.ui('chooseNoSuchItem', { size: voice.count(said.choices.length) }),
            question: voice.ui('listChooseQuestion'),
            reprompt: voice.ui('listChooseReprompt', { example: nameOf(said.choices[0]) }),
          },
        };
      case 'paceChanged': {
        const { again, confirm } = said;
        if (!again) return { reply: ask(voice.ui(confirm)) };
        // Say which answer "yes" would repeat: after a detour, "that" could be anything.
        const question = isEntry(again) ? voice.ui('paceAgainNamed', { name: nameOf(again.id) }) : voice.ui('paceAgainQuestion');
        return { reply: { kind: 'ask', speech: voice.ui(confirm), question, reprompt: voice.ui('paceReprompt') }, offer: again };
      }
    }
  }

  const noted = new WeakMap<Rendered, Rendered>();
  const withReviewNote = (rendered: Rendered): Rendered => {
    let made = noted.get(rendered);
    if (!made) noted.set(rendered, (made = frozen({ ...rendered, reply: { ...rendered.reply, speech: joinSpoken(rendered.reply.speech, voice.ui('reviewNote')) } })));
    return made;
  };

  /**
   * Rendering is pure, and a warm Lambda container is asked for the same places again and again, so each place is
   * rendered once at each pace and kept (a screen also with the answer Help speaks about). What a listener said (an
   * unknown item) is never kept. The keys are bounded by the content (entries, their steps, the paces, a few flags),
   * and the cap only guards against a mistake in that reasoning.
   */
  const renderedBefore = new Map<string, Rendered>();
  function renderKept(place: Place, context: RenderContext = {}): Rendered {
    if (context.unknownItem !== undefined) return render(place, context);
    const rate = context.rate ?? 100;
    const key = isEntry(place)
      ? `${place.id} ${place.step} ${place.disclaim ? 'd' : ''}${place.reviewNote ? 'r' : ''} ${place.lead ?? ''} ${rate}`
      : `${JSON.stringify(place)} ${context.at ? `${context.at.id} ${context.at.step}` : ''} ${rate}`;
    let rendered = renderedBefore.get(key);
    if (!rendered) {
      rendered = frozen(render(place, context));
      if (renderedBefore.size < MAX_KEPT_RENDERINGS) renderedBefore.set(key, rendered);
    }
    return rendered;
  }

  return { render: renderKept, fits, notice, withReviewNote, prompt: (key) => ask(voice.ui(key)) };
}
