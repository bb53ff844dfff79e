/**
 * Renders a place as a reply: pure, content and place in, SSML data out. Every answer leads with the
 * point, then asks one follow-up question whose "yes" is the returned `offer`.
 */
import type { Entry, ListEntry, Offer, SkillContent, TopicEntry } from '../content/types';
import { numberWord, spokenList } from '../speech/phrases';
import type { AskReply, Card } from '../speech/reply';
import { escapeText, joinSsml, type Ssml } from '../speech/ssml';
import { DEFAULT_LOCALE, type Voice } from '../speech/voice';
import { CRISIS, EMERGENCY, exampleItem, groupOf, HELP, listAround, listOfAll, type Place, startOf, stepsOf, WELCOME } from './place';

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
}

export interface Renderer {
  /** `context.at` is the last content answer, which Help speaks about; `context.locale` picks the emergency number. */
  render(place: Place, context?: RenderContext): Rendered;
}

export function createRenderer(content: SkillContent, voice: Voice): Renderer {
  const entry = (id: string): Entry | undefined => content.entries[id];
  const nameOf = (id: string): Ssml => voice.say(entry(id)?.name ?? id);
  /** An item to suggest by name, from the group just read: what the listener has fresh. */
  const exampleOf = (list: ListEntry, step = 0): Ssml => nameOf(exampleItem(list, step));
  const withDisclaimer = (speech: Ssml, place: Place): Ssml => (place.disclaim ? joinSsml(speech, voice.ui('disclaimer')) : speech);

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

  function renderTopic(topic: TopicEntry, place: Place, locale: string): Rendered {
    const last = place.step + 1 >= topic.parts.length;
    // A number from outside the page (content/contacts.yaml) after the page's own words, on the card too.
    const contact = topic.contact ? voice.contacts(locale)[topic.contact] : undefined;
    const card: Card = { title: topic.title, text: [...topic.parts, ...(contact ? [`${contact.name}: ${contact.number}, ${contact.hours}.`] : [])].join('\n\n') };
    const said = joinSsml(voice.say(topic.parts[place.step]), last && topic.contact ? voice.ui('supportLine', voice.line(locale, topic.contact)) : undefined);
    const speech = withDisclaimer(said, topic.alwaysDisclaim ? { ...place, disclaim: true } : place);
    if (place.step + 1 < topic.parts.length) {
      return {
        reply: { kind: 'ask', speech, question: voice.ui('moreQuestion'), reprompt: voice.ui('moreReprompt'), card },
        offer: { id: topic.id, step: place.step + 1 },
      };
    }
    const { offer, ...followUp } = nextAfterItem(topic);
    return { reply: { kind: 'ask', speech, ...followUp, card }, offer };
  }

  function renderList(list: ListEntry, place: Place): Rendered {
    const group = groupOf(list, place.step).map(nameOf);
    const items = spokenList(group);
    const size = (n: number): Ssml => escapeText(numberWord(n));
    const isLast = place.step + 1 >= stepsOf(list);
    let speech: Ssml;
    if (place.step === 0) {
      const count = voice.ui('listCountMany', { count: size(list.items.length), noun: voice.say(list.noun.many) });
      const first = isLast ? voice.ui('listOnlyGroup', { items }) : voice.ui('listFirstGroup', { size: size(group.length), items });
      // How many first: a listener who cannot see the list needs its size before its contents.
      speech = joinSsml(count, voice.say(list.intro), first);
    } else if (!isLast) {
      speech = voice.ui('listNextGroup', { size: size(group.length), items });
    } else {
      speech = group.length === 1 ? voice.ui('listLastOne', { items }) : voice.ui('listLastGroup', { size: size(group.length), items });
    }
    speech = withDisclaimer(speech, place);
    const card: Card = { title: list.title, text: [list.intro, ...list.items.map((id) => `• ${entry(id)?.title ?? id}`)].join('\n') };
    if (isLast) {
      return { reply: { kind: 'ask', speech, question: voice.ui('listChooseQuestion'), reprompt: voice.ui('listChooseReprompt', { example: exampleOf(list, place.step) }), card } };
    }
    const nextSize = size(groupOf(list, place.step + 1).length);
    return {
      reply: { kind: 'ask', speech, question: voice.ui('listMoreQuestion', { size: nextSize }), reprompt: voice.ui('listMoreReprompt', { size: nextSize, example: exampleOf(list, place.step) }), card },
      offer: { id: list.id, step: place.step + 1 },
    };
  }

  /** Every name of a list in one turn, for a listener who wants them all at once; then the choice. */
  function renderAll(list: ListEntry): Rendered {
    const speech = voice.ui('listAll', { count: escapeText(numberWord(list.items.length)), noun: voice.say(list.noun.many), items: spokenList(list.items.map(nameOf)) });
    return { reply: { kind: 'ask', speech, question: voice.ui('listChooseQuestion'), reprompt: voice.ui('listChooseReprompt', { example: exampleOf(list) }) } };
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

  function render(place: Place, { at, locale = DEFAULT_LOCALE }: RenderContext = {}): Rendered {
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
    if (whole?.kind === 'list') return renderAll(whole);
    const target = entry(place.id);
    if (!target) throw new Error(`no content entry '${place.id}'`);
    return target.kind === 'topic' ? renderTopic(target, place, locale) : renderList(target, place);
  }

  return { render };
}
