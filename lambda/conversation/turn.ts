/**
 * One request's conversation: reads the session state, plays places and replies, writes the state back
 * and builds the Alexa response. Handlers decide *what* to say; this is the one place that says it.
 */
import { getLocale, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Reply } from '../speech/reply';
import { BEFORE_QUESTION_MS } from '../speech/duration';
import { rateOf } from '../speech/pace';
import { DEFAULT_LOCALE, type Voice } from '../speech/voice';
import { atRate, joinSsml, pause, type Ssml } from '../speech/ssml';
import { CRISIS, EMERGENCY, HELP, isScreen, type Place, samePlace, WELCOME } from './place';
import type { Renderer } from './render';
import { type ConversationState, MAX_BACK, readState, writeState } from './state';
import type { SkillContent } from '../content/types';


export interface TurnOptions {
  /** Remember the place for "go back" (new answers do; going back itself does not). */
  remember?: boolean;
  /** Said first, before the place: a short "sorry" that the place then answers. Repeat replays only the place. */
  prefix?: Ssml;
}

export interface RespondOptions {
  /** A misunderstanding: the count of misses goes on instead of starting again. */
  miss?: boolean;
  /** What "yes" plays after this reply. Without one, "yes" has nothing to accept: the last question asked was this reply's. */
  offer?: Place;
}

export class Turn {
  readonly state: ConversationState;
  private readonly inSession: boolean;
  /** The request's locale, for what differs by country (the emergency number). */
  readonly locale: string;

  constructor(
    private readonly input: HandlerInput,
    private readonly content: SkillContent,
    private readonly renderer: Renderer,
    private readonly voice: Voice,
  ) {
    // Requests outside a session (skill events) have no attributes to read or write.
    this.inSession = Boolean(input.requestEnvelope.session);
    this.locale = getLocale(input.requestEnvelope) || DEFAULT_LOCALE;
    this.state = readState(content, this.inSession ? input.attributesManager.getSessionAttributes() : undefined);
  }

  /** Plays a place: a content answer, the welcome or the help. Says the disclaimer once a session. */
  play(place: Place, { remember = true, prefix }: TurnOptions = {}): Response {
    const shown: Place = { id: place.id, step: place.step };
    if (place.lead) shown.lead = place.lead;
    // Once a session: with the first thing said, unless that already says it (Help, About) or must be said
    // alone (the emergency advice).
    if (place.disclaim || (place.id !== HELP && place.id !== EMERGENCY && place.id !== CRISIS && !this.state.disclaimed)) shown.disclaim = true;
    // A new listener who asked straight out (no welcome) hears once how old the information is: with the first
    // answer that has room for it at their pace (never with the safety screens or Help).
    const context = { at: this.state.at, locale: this.locale, rate: rateOf(this.state.pace), prefix };
    const noteWanted = !this.state.reviewNoted && !this.state.returning && !isScreen(place.id) && !this.datesItself(place);
    if (place.reviewNote || noteWanted) shown.reviewNote = true;
    let rendered = this.renderer.render(shown, context);
    if (shown.reviewNote) {
      // Only where it fits beside what would be said without it: the note never takes an answer's sentence's place.
      const without = this.renderer.render({ ...shown, reviewNote: undefined }, context);
      const sameEnd = rendered.offer === without.offer || samePlace(rendered.offer, without.offer);
      if (!this.renderer.fits(rendered, context.rate) || !sameEnd) {
        delete shown.reviewNote;
        rendered = without;
      }
    }
    if (shown.reviewNote || (place.id === WELCOME && place.step === 0) || this.datesItself(place)) this.state.reviewNoted = true;
    const { reply, offer } = rendered;
    if (place.id !== EMERGENCY && place.id !== CRISIS) this.state.disclaimed = true;
    if (!isScreen(place.id)) {
      if (offer) this.state.next = offer;
      else delete this.state.next;
      if (remember && this.state.at && !samePlace(this.state.at, shown)) this.state.back = [...this.state.back, this.state.at].slice(-MAX_BACK);
      this.state.at = shown;
    }
    this.state.said = shown;
    // Help keeps the question that was asked before it, so "yes" still answers that question.
    const next = place.id === HELP ? this.state.offer : offer;
    return this.respond(reply, { offer: next });
  }

  /** An answer that gives the review date itself (About): it needs no note of it. */
  private datesItself(place: Place): boolean {
    const entry = Object.hasOwn(this.content.entries, place.id) ? this.content.entries[place.id] : undefined;
    return entry?.kind === 'topic' && entry.givesReviewDate === true;
  }

  /** Where "next" goes from the last content answer: its next part, group or item, whatever was asked since. */
  continuation(): Place | undefined {
    if (this.state.next) return this.state.next;
    return this.state.at ? this.renderer.render(this.state.at, { locale: this.locale, rate: rateOf(this.state.pace) }).offer : undefined;
  }

  /** A short reply that asks what the listener would like now, with the general reprompt. */
  askAnew(speech: Ssml, options: RespondOptions = {}): Response {
    return this.respond({ kind: 'ask', speech, question: this.voice.ui('welcomeQuestion'), reprompt: this.voice.ui('genericReprompt') }, options);
  }

  /**
   * Says a reply that is not a place (a "sorry", a confirmation); "repeat" will not replay it. Any reply but
   * a misunderstanding (`miss`) means the listener was understood, so the count of misses starts again.
   */
  respond(reply: Reply, { miss = false, offer }: RespondOptions = {}): Response {
    if (!miss) this.state.misses = 0;
    if (offer) this.state.offer = offer;
    else delete this.state.offer;
    if (this.inSession) this.input.attributesManager.setSessionAttributes(writeState(this.state));
    const builder = this.input.responseBuilder;
    // Everything said, reprompts too, at the listener's pace.
    const rate = rateOf(this.state.pace);
    if (reply.kind === 'tell') return builder.speak(atRate(reply.speech, rate)).withShouldEndSession(true).getResponse();
    const said = reply.speech ? joinSsml(reply.speech, pause(BEFORE_QUESTION_MS), reply.question) : reply.question;
    builder.speak(atRate(said, rate)).reprompt(atRate(reply.reprompt, rate));
    if (reply.card) builder.withSimpleCard(reply.card.title, reply.card.text);
    return builder.withShouldEndSession(false).getResponse();
  }
}
