/**
 * Renders a place as a reply: pure, content and place in, SSML data out. Every answer leads with the
 * point, then asks one follow-up question whose "yes" is the returned `offer`.
 */
import type { Entry, ListEntry, Offer, SkillContent, TopicEntry } from '../content/types';
import { numberWord, spokenList } from '../speech/phrases';
import type { AskReply, Card } from '../speech/reply';
import { BEFORE_QUESTION_MS, MAX_TURN_SECONDS, secondsToSay } from '../speech/duration';
import { escapeText, joinSsml, NOTHING, pause, type Ssml } from '../speech/ssml';
import { DEFAULT_LOCALE, type Voice } from '../speech/voice';
import { CRISIS, EMERGENCY, exampleItem, groupOf, HELP, listAround, listOfAll, type Place, runEnd, sentencesOf, startOf, stepsOf, WELCOME } from './place';

/** After the emergency advice, what the page says about managing symptoms is offered: pain is the commonest. */
const AFTER_EMERGENCY = 'symptom-relief';

export interface Rendered {
  reply: AskReply;
  /** Where "yes" (or "next") goes from here, if anywhere. */
  offer?: Place;
}

export interface RenderContext {
  at?: Place;
  locale?: string;
  /** The listener's pace as a prosody rate (100 is normal): a long answer is said in more turns when it is slower. */
  rate?: number;
  /** Said first, before the place (a short "sorry", an honest "the page doesn't say"): it counts towards the turn's length. */
  prefix?: Ssml;
}

export interface Renderer {
  /** Whether a rendered reply, with its question, can be said in MAX_TURN_SECONDS at `rate`. */
  fits(rendered: Rendered, rate: number): boolean;
  /** `context.at` is the last content answer, which Help speaks about; `context.locale` picks the emergency number. */
  render(place: Place, context?: RenderContext): Rendered;
}

export function createRenderer(content: SkillContent, voice: Voice): Renderer {
  const entry = (id: string): Entry | undefined => content.entries[id];
  const nameOf = (id: string): Ssml => voice.say(entry(id)?.name ?? id);
  /** An item to suggest by name, from the group just read: what the listener has fresh. */
  const exampleOf = (list: ListEntry, step = 0): Ssml => nameOf(exampleItem(list, step));
  const withDisclaimer = (speech: Ssml, place: Place): Ssml =>
    joinSsml(speech, place.disclaim ? voice.ui('disclaimer') : undefined, place.reviewNote ? voice.ui('reviewNote') : undefined);

  /** A count said as a word ("three"). */
  const spokenNumber = (n: number): Ssml => escapeText(numberWord(n));

  /** Whether a reply, with its question, can be said in MAX_TURN_SECONDS at the listener's pace. */
  const fitsInTurn = ({ reply }: Rendered, rate: number) =>
    reply.kind === 'ask' && secondsToSay(joinSsml(reply.speech, pause(BEFORE_QUESTION_MS), reply.question), rate) <= MAX_TURN_SECONDS;

  /** What was said first, alone, when the answer would not fit after it: the answer `id` is offered, from its start. */
  const offeredAlone = (prefix: Ssml, place: Place, id: string): Rendered => ({
    reply: { kind: 'ask', speech: withDisclaimer(prefix, place), question: voice.ui('prefixOfferQuestion', { name: nameOf(id) }), reprompt: voice.ui('offerReprompt', { name: nameOf(id) }) },
    offer: startOf(id),
  });

  /** A follow-up question from content, with the reprompt that says what "yes" would bring. */
  function offerReply(offer: Offer | undefined): Pick<AskReply, 'question' | 'reprompt'> & { offer?: Place } {
    if (!offer) return { question: voice.ui('welcomeQuestion'), reprompt: voice.ui('genericReprompt') };
    return { question: voice.say(offer.question), reprompt: voice.ui('offerReprompt', { name: nameOf(offer.goTo) }), offer: startOf(offer.goTo) };
  }

  /** After an item's last part: the next item of its list, or where the list leads after its last item. */
  function nextAfterItem(topic: TopicEntry): ReturnType<typeof offerReply> {
    const list = topic.list ? entry(topic.list) : undefined;
    if (topic.offer || !list || list.kind !== 'list') return offerReply(topic.offer);
    const next = list.items[list.items.indexOf(topic.id) + 1];
    if (!next) return offerReply(list.after);
    return {
      question: voice.ui('nextItemQuestion', { noun: voice.say(list.noun.one), name: nameOf(next) }),
      reprompt: voice.ui('offerReprompt', { name: nameOf(next) }),
      offer: startOf(next),
    };
  }

  function renderTopic(topic: TopicEntry, place: Place, locale: string, rate: number, prefix: Ssml | undefined): Rendered {
    const sentences = sentencesOf(topic);
    // A number from outside the page (content/contacts.yaml) after the page's own words, on the card too.
    const contact = topic.contact ? voice.contacts(locale)[topic.contact] : undefined;
    const card: Card = { title: topic.title, text: [...topic.parts, ...(contact ? [`${contact.name}: ${contact.number}, ${contact.hours}.`] : [])].join('\n\n') };
    const disclaimed = topic.alwaysDisclaim ? { ...place, disclaim: true } : place;
    /** The turn that says sentences from this place's up to `end`, with what follows them. */
    const turnTo = (end: number): Rendered => {
      // Only what was said first, when not even one sentence fits after it: the answer is offered, not started.
      if (end === place.step) return offeredAlone(prefix ?? NOTHING, disclaimed, topic.id);
      const last = end >= sentences.length;
      const text = sentences.slice(place.step, end).map((s) => s.text).join(' ');
      const said = joinSsml(prefix, voice.say(text), last && topic.contact ? voice.ui('supportLine', voice.line(locale, topic.contact)) : undefined);
      const speech = withDisclaimer(said, disclaimed);
      if (!last) {
        return { reply: { kind: 'ask', speech, question: voice.ui('moreQuestion'), reprompt: voice.ui('moreReprompt'), card }, offer: { id: topic.id, step: end } };
      }
      const { offer, ...followUp } = nextAfterItem(topic);
      return { reply: { kind: 'ask', speech, ...followUp, card }, offer };
    };
    // As many sentences as can be said, with the question, in MAX_TURN_SECONDS at the listener's pace.
    const fits = (end: number) => fitsInTurn(turnTo(end), rate);
    return turnTo(runEnd(topic, place.step, fits, prefix !== undefined));
  }

  function renderList(list: ListEntry, place: Place): Rendered {
    const group = groupOf(list, place.step).map(nameOf);
    const items = spokenList(group);
    const isLast = place.step + 1 >= stepsOf(list);
    let speech: Ssml;
    if (place.step === 0) {
      const fill = { count: spokenNumber(list.items.length), noun: voice.say(list.noun.many), size: spokenNumber(group.length), items };
      // How many and the first names, then what the list is about.
      speech = joinSsml(voice.ui(isLast ? 'listOpeningOnly' : 'listOpening', fill), voice.say(list.intro));
    } else if (!isLast) {
      speech = voice.ui('listNextGroup', { size: spokenNumber(group.length), items });
    } else {
      speech = group.length === 1 ? voice.ui('listLastOne', { items }) : voice.ui('listLastGroup', { size: spokenNumber(group.length), items });
    }
    speech = withDisclaimer(speech, place);
    const card: Card = { title: list.title, text: [list.intro, ...list.items.map((id) => `• ${entry(id)?.title ?? id}`)].join('\n') };
    if (isLast) {
      return { reply: { kind: 'ask', speech, question: voice.ui('listChooseQuestion'), reprompt: voice.ui('listChooseReprompt', { example: exampleOf(list, place.step) }), card } };
    }
    const nextSize = spokenNumber(groupOf(list, place.step + 1).length);
    return {
      reply: { kind: 'ask', speech, question: voice.ui('listMoreQuestion', { size: nextSize }), reprompt: voice.ui('listMoreReprompt', { size: nextSize, example: exampleOf(list, place.step) }), card },
      offer: { id: list.id, step: place.step + 1 },
    };
  }

  /** Every name of a list in one turn, for a listener who wants them all at once; then the choice. */
  function renderAll(list: ListEntry, place: Place, rate: number): Rendered {
    const names = list.items.map(nameOf);
    const choose = { question: voice.ui('listChooseQuestion'), reprompt: voice.ui('listChooseReprompt', { example: exampleOf(list) }) };
    const whole: Rendered = { reply: { kind: 'ask', speech: voice.ui('listAll', { count: spokenNumber(names.length), noun: voice.say(list.noun.many), items: spokenList(names) }), ...choose } };
    // A long list at a slow pace would take over MAX_TURN_SECONDS in one turn: then as many names as fit, and the rest after "yes".
    const firstPart = (shown: number): Rendered => {
      const rest = spokenNumber(names.length - shown);
      return {
        reply: {
          kind: 'ask',
          speech: voice.ui('listAllFirst', { count: spokenNumber(names.length), noun: voice.say(list.noun.many), items: joinSsml(...names.slice(0, shown).map((n) => joinSsml(n, ',' as Ssml))), rest }),
          question: voice.ui('listAllMoreQuestion', { rest }),
          reprompt: voice.ui('listAllMoreReprompt', { rest, example: exampleOf(list) }),
        },
        offer: { id: place.id, step: shown },
      };
    };
    if (place.step === 0) {
      if (fitsInTurn(whole, rate) || names.length < 2) return whole;
      let shown = 1;
      while (shown + 1 < names.length && fitsInTurn(firstPart(shown + 1), rate)) shown += 1;
      return firstPart(shown);
    }
    const rest = names.slice(place.step);
    return { reply: { kind: 'ask', speech: voice.ui('listAllRest', { count: spokenNumber(rest.length), items: spokenList(rest) }), ...choose } };
  }

  function renderHelp(context: Place | undefined, locale: string): Rendered {
    const at = context ? entry(context.id) : undefined;
    const list = context ? listAround(content, context.id) : undefined;
    let speech: Ssml;
    // Help only promises what "next" will really do from here.
    if (context && at?.kind === 'list') {
      const more = context.step + 1 < stepsOf(at);
      const menu = at.id === content.menu;
      speech = voice.ui(menu ? (more ? 'helpMenu' : 'helpMenuEnd') : more ? 'helpList' : 'helpListEnd', { name: nameOf(at.id), example: exampleOf(at, context.step) });
    } else if (at && list?.kind === 'list') {
      const last = list.items[list.items.length - 1] === at.id;
      speech = voice.ui(last ? 'helpItemLast' : 'helpItem', { name: nameOf(at.id), noun: voice.say(last ? list.noun.many : list.noun.one), example: exampleOf(list) });
    } else if (at) speech = voice.ui('helpTopic', { name: nameOf(at.id) });
    else speech = voice.ui('helpGeneral');
    // Help is fuller than the welcome: urgent help first ("help me" may be a call for it), the disclaimer in full.
    const urgent = voice.ui('helpUrgent', { number: voice.emergencyNumber(locale) });
    return {
      reply: { kind: 'ask', speech: joinSsml(urgent, speech, voice.ui('disclaimer')), question: voice.ui('helpQuestion'), reprompt: voice.ui('genericReprompt') },
    };
  }

  function render(place: Place, { prefix: said, ...context }: RenderContext = {}): Rendered {
    const lead = place.lead ? entry(place.lead) : undefined;
    const prefix = said ?? (lead?.kind === 'topic' ? voice.say(lead.parts[0]) : undefined);
    const target = entry(place.id);
    if (target?.kind === 'topic') return renderTopic(target, place, context.locale ?? DEFAULT_LOCALE, context.rate ?? 100, prefix);
    const rendered = renderPlace(place, context);
    if (!prefix) return rendered;
    const prefixed: Rendered = { ...rendered, reply: { ...rendered.reply, speech: joinSsml(prefix, rendered.reply.speech) } };
    // Too long together at the listener's pace: what was said first, then the place is offered.
    if (target?.kind !== 'list' || fitsInTurn(prefixed, context.rate ?? 100)) return prefixed;
    return offeredAlone(prefix, place, target.id);
  }

  function renderPlace(place: Place, { at, locale = DEFAULT_LOCALE, rate = 100 }: RenderContext): Rendered {
    if (place.id === WELCOME) {
      const welcome = voice.ui(place.step === 1 ? 'welcomeBack' : 'welcome');
      return { reply: { kind: 'ask', speech: withDisclaimer(welcome, place), question: voice.ui('welcomeQuestion'), reprompt: voice.ui('genericReprompt') } };
    }
    if (place.id === HELP) return renderHelp(at, locale);
    if (place.id === EMERGENCY) {
      return {
        reply: {
          kind: 'ask',
          speech: voice.ui('emergencyNow', { number: voice.emergencyNumber(locale) }),
          question: voice.ui('emergencyQuestion'),
          reprompt: voice.ui('offerReprompt', { name: nameOf(AFTER_EMERGENCY) }),
        },
        offer: startOf(AFTER_EMERGENCY),
      };
    }
    if (place.id === CRISIS) {
      // No offer of symptom management here: "yes" says the numbers again.
      const line = voice.line(locale, 'crisis');
      return {
        reply: { kind: 'ask', speech: voice.ui('crisisNow', { ...line, emergency: voice.emergencyNumber(locale) }), question: voice.ui('crisisQuestion'), reprompt: voice.ui('crisisReprompt') },
        offer: startOf(CRISIS),
      };
    }
    const all = listOfAll(place.id);
    const whole = all === undefined ? undefined : entry(all);
    if (whole?.kind === 'list') return renderAll(whole, place, rate);
    const list = entry(place.id);
    if (list?.kind !== 'list') throw new Error(`no list '${place.id}'`);
    return renderList(list, place);
  }

  return { render, fits: fitsInTurn };
}
