/**
 * Output as data, apart from the logic that picks it: a reply is what to say, the follow-up question,
 * the reprompt and the card. Turning it into an Alexa response happens in one place (conversation/turn).
 */
import type { Spoken } from './spoken';

export interface Card {
  title: string;
  /** Plain text for the Alexa app, so a carer can read the answer later. */
  text: string;
}

/** Keeps the session open: it always ends with a question and has a reprompt. */
export interface AskReply {
  kind: 'ask';
  speech: Spoken;
  question: Spoken;
  reprompt: Spoken;
  card?: Card;
}

/** Ends the session. */
export interface TellReply {
  kind: 'tell';
  speech: Spoken;
}

export type Reply = AskReply | TellReply;
