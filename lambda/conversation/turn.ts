/**
 * One request's conversation: reads the session state, plays places and notices, writes the state back and
 * builds the Alexa response. The state is private: handlers ask for what they need and change it only through
 * the verbs here (play, say, miss, setPace, startOver, goBack, and the preference store's few), so each rule
 * of the conversation has one owner. Handlers decide *what* to say; conversation/render.ts says it.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { AnswerContent } from '../content/types';
import { displayData, displayDirective, hasDisplay, listShown } from '../display/display';
import { BEFORE_QUESTION_MS } from '../speech/duration';
import { rateOf } from '../speech/pace';
import type { Reply } from '../speech/reply';
import { atRate, type Ssml } from '../speech/ssml';
import { joinSpoken, silence } from '../speech/spoken';
import { type EntryPlace, isEntry, type Place, placeOnly, samePlace } from './place';
import { preferencesToSave, type StoredPreferences, takeStored } from './remembered-pace';
import type { Notice, Renderer } from './render';
import { rulesOf, screenSaysReviewDate } from './screens';
import { type ConversationState, MAX_BACK, type PreferencesRead, readState, writeState } from './state';

export interface PlayOptions {
  /** Remember the place for "go back" (new answers do; going back and repeating do not). */
  remember?: boolean;
  /** Words heard that named nothing the content has: a short "sorry" naming them comes first. Repeat replays only the place. */
  unknownItem?: string;
}

/** Notices that answer a misunderstanding: the count of misses goes on. Every other reply starts it again. */
const MISUNDERSTANDINGS: ReadonlySet<Notice['say']> = new Set(['misheard', 'misheardAfterCrisis', 'offerTopics']);

const BEFORE_QUESTION = silence(BEFORE_QUESTION_MS);

export class Turn {
  readonly #state: ConversationState;
  readonly #inSession: boolean;

  constructor(
    private readonly input: HandlerInput,
    private readonly content: AnswerContent,
    private readonly renderer: Renderer,
  ) {
    // Requests outside a session (skill events) have no attributes to read or write.
    this.#inSession = Boolean(input.requestEnvelope.session);
    this.#state = readState(content, this.#inSession ? input.attributesManager.getSessionAttributes() : undefined);
  }

  /** What "repeat" replays: the last real answer or screen, never a "sorry". */
  get said(): Readonly<Place> | undefined {
    return this.#state.said;
  }

  /** The last content answer: what Help, "next", "the second one" and "read them all" work from. */
  get at(): Readonly<EntryPlace> | undefined {
    return this.#state.at;
  }

  /** What "yes" plays, if anything. */
  get offer(): Readonly<Place> | undefined {
    return this.#state.offer;
  }

  /** The listener has used the skill before: a shorter welcome. */
  get returning(): boolean {
    return this.#state.returning;
  }

  get pace(): number {
    return this.#state.pace;
  }

  /** Plays a place: a content answer or a screen, following its rules (conversation/screens.ts). */
  play(place: Place, { remember = true, unknownItem }: PlayOptions = {}): Response {
    const state = this.#state;
    const rules = rulesOf(place);
    const shown = placeOnly(place);
    // Once a session, with the first place that carries it; a repeat says it again.
    const disclaimsNow = !place.disclaim && rules.disclaimer === 'once' && !state.disclaimed;
    if (place.disclaim || disclaimsNow) shown.disclaim = true;
    // A new listener who asked straight out (no welcome) hears once how old the information is: with the first
    // answer that has room for it at their pace.
    const context = { at: state.at, rate: rateOf(state.pace), unknownItem };
    const datesItself = this.datesItself(place);
    let rendered = this.renderer.render(shown, context);
    // A screen cannot be split into parts: where the disclaimer would take it past a turn at this pace (a welcome
    // with its note outside the UK, at the slowest pace), the disclaimer waits for the next place with room for it;
    // said again (a repeat, or at a slower pace), the screen goes without it.
    if (shown.disclaim && !isEntry(shown) && !this.renderer.fits(rendered, context.rate)) {
      delete shown.disclaim;
      rendered = this.renderer.render(shown, context);
    }
    if (place.reviewNote || (!state.reviewNoted && !state.returning && rules.carriesReviewNote && !datesItself)) {
      // Only where it fits after what would be said without it: the note never takes an answer's sentence's place.
      const noted = this.renderer.withReviewNote(rendered);
      if (this.renderer.fits(noted, context.rate)) {
        shown.reviewNote = true;
        rendered = noted;
      }
    }
    if (shown.reviewNote || datesItself) state.reviewNoted = true;
    if (rules.disclaimer !== 'never' && (shown.disclaim || !disclaimsNow)) state.disclaimed = true;
    if (rules.remembered && isEntry(shown)) {
      if (rendered.offer && isEntry(rendered.offer)) state.next = rendered.offer;
      else delete state.next;
      if (remember && state.at && !samePlace(state.at, shown)) state.back = [...state.back, state.at].slice(-MAX_BACK);
      state.at = shown;
    }
    state.said = shown;
    return this.respond(rendered.reply, rules.keepsOffer ? state.offer : rendered.offer, false, shown);
  }

  /**
   * Says a notice (a "sorry", a confirmation): not a place, so "repeat" will not replay it. On a screen, a list that was
   * on it stays there to touch (a listener who was not understood may well touch one instead).
   */
  say(notice: Notice): Response {
    const { reply, offer } = this.renderer.notice(notice);
    return this.respond(reply, offer, MISUNDERSTANDINGS.has(notice.say), reply.kind === 'ask' ? this.#state.said : undefined);
  }

  /** One more misunderstanding in a row; how many now. */
  miss(): number {
    this.#state.misses += 1;
    return this.#state.misses;
  }

  /** A new pace. `absolute`: it does not depend on the current one ("normal speed"), so it is known even when that is not. */
  setPace(pace: number, { absolute = false } = {}): void {
    const state = this.#state;
    state.pace = pace;
    state.paceFrom = absolute || state.paceFrom === 'known' ? 'known' : 'stepped';
  }

  /** Forgets the answers heard, so "go back" and Help start from the top. */
  startOver(): void {
    this.#state.back = [];
    delete this.#state.at;
  }

  /**
   * Where "go back" goes: the last content answer if something else has been said since (Help, the emergency or the
   * crisis answer, a whole list): that answer is what the listener heard before it. Otherwise the answer before the
   * last one, taken off the history, if there is one.
   */
  goBack(): EntryPlace | undefined {
    const { at, said } = this.#state;
    if (at && said && !samePlace(at, said)) return { id: at.id, step: at.step };
    const before = this.#state.back.pop();
    return before && { id: before.id, step: before.step };
  }

  /** Where "next" goes from the last content answer: its next part, group or item, whatever was asked since. */
  continuation(): Place | undefined {
    const { next, at, pace } = this.#state;
    if (next) return next;
    return at ? this.renderer.render(at, { rate: rateOf(pace) }).offer : undefined;
  }

  /** Where reading the preference store stands this session. */
  get preferencesRead(): PreferencesRead {
    return this.#state.preferences;
  }

  /** The store was read: take in what it holds (conversation/remembered-pace.ts). */
  preferencesLoaded(stored: StoredPreferences, options: { paceBeingChanged: boolean }): void {
    this.#state.preferences = 'read';
    takeStored(this.#state, stored, options);
  }

  /** The read failed: once, it is tried again next request; twice, the session goes on without. */
  preferencesFailed(): void {
    this.#state.preferences = this.#state.preferences === 'unread' ? 'failed-once' : 'unavailable';
  }

  /**
   * The preferences to save now, or undefined. Each change is saved once: the session records it as stored
   * before the save is tried, so a failed save is logged, not tried again every turn.
   */
  preferencesToSave(): Required<StoredPreferences> | undefined {
    const preferences = preferencesToSave(this.#state);
    if (!preferences) return undefined;
    this.#state.storedPace = preferences.pace;
    this.writeAttributes();
    return preferences;
  }

  /** An answer or screen that gives the review date itself (About, the first welcome): it needs no note of it. */
  private datesItself(place: Place): boolean {
    if (!isEntry(place)) return screenSaysReviewDate(place);
    const entry = this.content.entries[place.id];
    return entry.kind === 'topic' && entry.givesReviewDate === true;
  }

  private writeAttributes(): void {
    if (this.#inSession) this.input.attributesManager.setSessionAttributes(writeState(this.#state));
  }

  /**
   * Builds the response. Any reply but one to a misunderstanding means the listener was understood: the misses start
   * again. On a device with a screen the same reply is also shown (display/display.ts), with the items of the list
   * `shown` is, if it is one, to touch; what is said is the same with or without a screen.
   */
  private respond(reply: Reply, offer: Place | undefined, misunderstood: boolean, shown?: Place): Response {
    const state = this.#state;
    if (!misunderstood) state.misses = 0;
    if (offer) state.offer = offer;
    else delete state.offer;
    this.writeAttributes();
    const builder = this.input.responseBuilder;
    if (hasDisplay(this.input.requestEnvelope)) builder.addDirective(displayDirective(displayData(reply, this.content, listShown(this.content, shown))));
    const { speak, reprompt } = spokenAt(reply, rateOf(state.pace));
    // Only a TellReply has no reprompt (spokenAt makes one for every AskReply): it ends the session.
    if (reply.kind === 'tell' || reprompt === undefined) return builder.speak(speak).withShouldEndSession(true).getResponse();
    builder.speak(speak).reprompt(reprompt);
    if (reply.card) builder.withSimpleCard(reply.card.title, reply.card.text);
    return builder.withShouldEndSession(false).getResponse();
  }
}

type SpokenReply = { speak: Ssml; reprompt?: Ssml };

/** Everything said, reprompts too, at the listener's pace. */
function spokenReply(reply: Reply, rate: number): SpokenReply {
  if (reply.kind === 'tell') return { speak: atRate(reply.speech.ssml, rate) };
  const said = reply.speech.ssml ? joinSpoken(reply.speech, BEFORE_QUESTION, reply.question) : reply.question;
  return { speak: atRate(said.ssml, rate), reprompt: atRate(reply.reprompt.ssml, rate) };
}

/**
 * What a reply says and reprompts, at a pace: made once for each reply the renderer keeps (conversation/render.ts
 * freezes those). A reply made for one request (a notice) is said once, so nothing is kept for it.
 */
const spokenBefore = new WeakMap<Reply, Map<number, SpokenReply>>();
function spokenAt(reply: Reply, rate: number): SpokenReply {
  if (!Object.isFrozen(reply)) return spokenReply(reply, rate);
  let atRates = spokenBefore.get(reply);
  if (!atRates) spokenBefore.set(reply, (atRates = new Map()));
  let spoken = atRates.get(rate);
  if (!spoken) atRates.set(rate, (spoken = spokenReply(reply, rate)));
  return spoken;
}
