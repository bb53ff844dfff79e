/**
 * One request's conversation: reads the session state, plays places and replies, writes the state back
 * and builds the Alexa response. Handlers decide *what* to say; this is the one place that says it.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Reply } from '../speech/reply';
import { atRate, joinSsml, pause } from '../speech/ssml';
import { HELP, type Place, samePlace, WELCOME } from './place';
import type { Renderer } from './render';
import { type ConversationState, MAX_BACK, readState, writeState } from './state';
import type { SkillContent } from '../content/types';

/** Alexa's normal speaking rate; the listener's pace (a later feature) changes it. */
const NORMAL_RATE = 100;
/** A breath between the answer and its question. */
const BEFORE_QUESTION_MS = 300;

export interface TurnOptions {
  /** Remember the place for "go back" (new answers do; going back itself does not). */
  remember?: boolean;
}

export class Turn {
  readonly state: ConversationState;

  constructor(
    private readonly input: HandlerInput,
    readonly content: SkillContent,
    readonly renderer: Renderer,
  ) {
    this.state = readState(content, input.attributesManager.getSessionAttributes());
  }

  /** Plays a place: a content answer, the welcome or the help. Says the disclaimer once a session. */
  play(place: Place, { remember = true }: TurnOptions = {}): Response {
    const isContent = place.id !== HELP;
    const shown: Place = { id: place.id, step: place.step };
    if (place.disclaim || (isContent && !this.state.disclaimed)) shown.disclaim = true;
    const { reply, offer } = this.renderer.render(shown, this.state.at);
    if (isContent) this.state.disclaimed = true;
    if (place.id !== HELP && place.id !== WELCOME) {
      if (remember && this.state.at && !samePlace(this.state.at, shown)) this.state.back = [...this.state.back, this.state.at].slice(-MAX_BACK);
      this.state.at = shown;
    }
    this.state.said = shown;
    // Help keeps the question that was asked before it, so "yes" still answers that question.
    if (place.id !== HELP) {
      if (offer) this.state.offer = offer;
      else delete this.state.offer;
    }
    this.state.misses = 0;
    return this.respond(reply);
  }

  /** Says a reply that is not a place (a "sorry", a confirmation); "repeat" will not replay it. */
  respond(reply: Reply): Response {
    this.input.attributesManager.setSessionAttributes(writeState(this.state));
    const builder = this.input.responseBuilder;
    if (reply.kind === 'tell') return builder.speak(atRate(reply.speech, NORMAL_RATE)).withShouldEndSession(true).getResponse();
    const said = reply.speech ? joinSsml(reply.speech, pause(BEFORE_QUESTION_MS), reply.question) : reply.question;
    builder.speak(atRate(said, NORMAL_RATE)).reprompt(atRate(reply.reprompt, NORMAL_RATE));
    if (reply.card) builder.withSimpleCard(reply.card.title, reply.card.text);
    return builder.withShouldEndSession(false).getResponse();
  }
}
