/**
 * A simulated Alexa session: what the listener types becomes the request Alexa would send, goes to the
 * real Lambda handler, and comes back as what Alexa would say. Session attributes carry from turn to turn.
 */
import { randomUUID } from 'node:crypto';
import type { interfaces, RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import type { DisplayData } from '../../lambda/display/display';
import type { Caller, HeardSlot } from './envelopes';
import { intentRequest, launchRequest, sessionEndedRequest, userEventRequest } from './envelopes';
import type { InteractionModel } from './interaction-model';
import { readableSpeech } from './readable';
import type { Understander } from './understand';

export type SkillHandler = (event: RequestEnvelope, context: never) => Promise<ResponseEnvelope>;

export interface TurnResult {
  heard: string;
  request: { type: string; intent?: string; slots?: Record<string, { value: string; id?: string }> };
  ssml: string | null;
  text: string;
  reprompt: string | null;
  card: { title: string; text: string } | null;
  endSession: boolean;
  /** What a screen device shows (the RenderDocument's datasource); only on a screen device (`npm start -- --screen`). */
  screen?: DisplayData;
  /** The RenderDocument directive as the skill sent it, on a screen device. */
  directive?: interfaces.alexa.presentation.apl.RenderDocumentDirective;
}

export interface SessionOptions {
  userId?: string;
  skillId?: string;
  locale?: string;
  /** Declare a screen (APL) in every request, as an Echo Show does. */
  screen?: boolean;
}

/** One stable local listener by default, so a first visit and a return can be tried with --user. */
export const DEFAULT_USER = 'amzn1.ask.account.LOCAL-SIMULATOR-USER';
export const LOCAL_SKILL_ID = 'amzn1.ask.skill.local-simulator';

const INVOCATION_VERBS = ['open', 'launch', 'start', 'ask', 'tell', 'talk to'];
const JOINING_WORDS = /^(to|about|for|if|whether|what|how|why|who|when|where|is|are|can|do|does|will)\b/;

/**
 * The words Alexa matches against the samples in a one-shot: what follows "ask <invocation name>", less its
 * connector ("about the bone scan" → "the bone scan", "whether it can be cured" → "it can be cured").
 */
export const oneShotWords = (rest: string) => rest.replace(/^(to|about|for|if|whether) /, '');

/** What follows "<verb> <invocation name>" ("ask bone secondaries guide …" → "…"; "open …" alone → ""), or undefined. */
export function afterInvocationName(plain: string, invocationName: string): string | undefined {
  for (const verb of INVOCATION_VERBS) {
    const prefix = `${verb} ${invocationName}`;
    if (plain === prefix) return '';
    if (plain.startsWith(`${prefix} `)) return plain.slice(prefix.length + 1);
  }
  return undefined;
}

export class SimulatedSession {
  private attributes: Record<string, unknown> = {};
  private open = false;
  private readonly caller: Caller;

  constructor(
    private readonly handler: SkillHandler,
    private readonly model: InteractionModel,
    private readonly understander: Understander,
    options: SessionOptions = {},
  ) {
    this.caller = {
      skillId: options.skillId ?? LOCAL_SKILL_ID,
      userId: options.userId ?? DEFAULT_USER,
      deviceId: 'amzn1.ask.device.LOCAL-SIMULATOR-DEVICE',
      locale: options.locale ?? model.locale,
      sessionId: `amzn1.echo-api.session.${randomUUID()}`,
      screen: options.screen ?? false,
    };
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** One turn. Before the session is open, "open …" launches and "ask … <question>" (or a bare question) is a one-shot. */
  async say(words: string): Promise<TurnResult> {
    let utterance = words.trim();
    // "Alexa, open …" or "ask … " starts the skill afresh, in a session or not, as on a device.
    const invocation = this.stripInvocation(utterance);
    if (invocation !== undefined) this.open = false;
    if (!this.open) {
      if (invocation === '') return this.send(words, launchRequest(this.newCaller()));
      if (invocation !== undefined) utterance = invocation;
      this.newCaller();
    }
    const understood = await this.understander.understand(utterance);
    const isNew = !this.open;
    if (isNew) this.attributes = {};
    const request =
      understood.kind === 'intent'
        ? intentRequest(this.caller, isNew, this.attributes, understood.intent, understood.slots, understood.emptySlots)
        : intentRequest(this.caller, isNew, this.attributes, 'AMAZON.FallbackIntent');
    return this.send(words, request, understood.kind === 'intent' ? understood.slots : []);
  }

  /**
   * A touch on an item the screen shows: the same UserEvent the device sends, `["item", id]`, in the open session.
   * `label` is what the listener touched, for the transcript.
   */
  async touch(id: string, label: string): Promise<TurnResult> {
    if (!this.open) throw new Error('There is no open session to touch: the screen closed with it.');
    return this.send(`(touches "${label}")`, userEventRequest(this.caller, this.attributes, ['item', id]));
  }

  /** The listener walks away: Alexa tells the skill the session ended. */
  async end(): Promise<TurnResult | undefined> {
    if (!this.open) return undefined;
    return this.send('(session ends)', sessionEndedRequest(this.caller, this.attributes));
  }

  private newCaller(): Caller {
    this.caller.sessionId = `amzn1.echo-api.session.${randomUUID()}`;
    this.attributes = {};
    return this.caller;
  }

  /** "open bone secondaries guide" → "", "ask bone secondaries guide what is myeloma" → "what is myeloma", otherwise undefined. */
  private stripInvocation(utterance: string): string | undefined {
    const plain = utterance.toLowerCase().replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^alexa /, '');
    const rest = afterInvocationName(plain, this.model.invocationName);
    return rest && JOINING_WORDS.test(rest) ? oneShotWords(rest) : rest;
  }

  private async send(heard: string, envelope: RequestEnvelope, slots: HeardSlot[] = []): Promise<TurnResult> {
    const response = await this.handler(envelope, {} as never);
    const r = response.response ?? {};
    this.attributes = response.sessionAttributes ?? {};
    const endSession = envelope.request.type === 'SessionEndedRequest' || r.shouldEndSession !== false;
    this.open = !endSession;
    const ssml = r.outputSpeech?.type === 'SSML' ? r.outputSpeech.ssml : null;
    const reprompt = r.reprompt?.outputSpeech?.type === 'SSML' ? readableSpeech(r.reprompt.outputSpeech.ssml) : null;
    const card = r.card?.type === 'Simple' ? { title: (r.card as ui.SimpleCard).title ?? '', text: (r.card as ui.SimpleCard).content ?? '' } : null;
    const request: TurnResult['request'] = { type: envelope.request.type };
    if (envelope.request.type === 'IntentRequest') {
      request.intent = envelope.request.intent.name;
      request.slots = Object.fromEntries(slots.map((s) => [s.name, s.id ? { value: s.value, id: s.id } : { value: s.value }]));
    }
    const turn: TurnResult = { heard, request, ssml, text: ssml ? readableSpeech(ssml) : '', reprompt, card, endSession };
    const render = (r.directives ?? []).find((d): d is interfaces.alexa.presentation.apl.RenderDocumentDirective => d.type === 'Alexa.Presentation.APL.RenderDocument');
    const guide = (render?.datasources as { guide?: DisplayData } | undefined)?.guide;
    if (guide) turn.screen = guide;
    if (render) turn.directive = render;
    return turn;
  }
}
