/**
 * The web console's server: one page and a small JSON API over the simulator (tools/simulator), so the page goes
 * through exactly the understanding and the handler `npm start` uses. Each browser tab is one listener's
 * conversation (its `client` id); the listener's pace is kept in the same preferences store as `npm start`'s,
 * under one local user, so a new session is a return visit.
 *
 * Nothing is fetched from elsewhere: the page, its script, its style and the icon are served from here, under a
 * Content-Security-Policy that allows only 'self'. What was asked is never logged.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { availableLocales, type InteractionModel } from '../simulator/interaction-model';
import { DEFAULT_USER, SimulatedSession, type SkillHandler, type TurnResult } from '../simulator/session';
import { localSkill, understandingFor } from '../simulator/setup';
import { espeakText, prosodyRate } from '../simulator/speak';
import type { Understander } from '../simulator/understand';

const PUBLIC_DIR = path.resolve(__dirname, 'public');
const ICON = path.resolve(__dirname, '../../assets/icon.svg');

/** The limits of what the page may send; the page says the same in its own words before sending. */
export const CONSOLE_LIMITS = {
  /** Longer than anyone says to Alexa in one go; Alexa itself stops listening after a few seconds. */
  maxTextLength: 300,
  maxBodyBytes: 8 * 1024,
  /** Open conversations kept (one per tab); the oldest is dropped beyond this. */
  maxClients: 100,
};

/** Every header a response carries: only this origin may provide scripts, styles, images and connections. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: path.join(PUBLIC_DIR, 'index.html'), type: 'text/html; charset=utf-8' },
  '/console.js': { file: path.join(PUBLIC_DIR, 'console.js'), type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: path.join(PUBLIC_DIR, 'style.css'), type: 'text/css; charset=utf-8' },
  '/icon.svg': { file: ICON, type: 'image/svg+xml' },
};

/** A turn as the page shows it: the simulator's turn, and what speech synthesis should say at which pace. */
export interface ConsoleTurn extends TurnResult {
  locale: string;
  /** `<sub>` aliases and say-as digits as they are said; `rate` is the listener's pace in percent. */
  speech: { text: string; rate: number } | null;
}

/** A refusal the page shows as it is: a sentence for a person, never a stack. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Conversation {
  session: SimulatedSession;
  locale: string;
  screen: boolean;
}

export interface ConsoleOptions {
  /** Where the pace is remembered: a file, `memory` or `none` (as `npm start --store`). */
  store: string;
  defaultLocale?: string;
  userId?: string;
}

const CLIENT_ID = /^[A-Za-z0-9-]{8,64}$/;

export function createConsoleServer(options: ConsoleOptions): http.Server {
  const handler: SkillHandler = localSkill(options.store);
  const locales = availableLocales();
  const defaultLocale = options.defaultLocale ?? 'en-GB';
  const understandings = new Map<string, Promise<{ model: InteractionModel; understander: Understander }>>();
  const conversations = new Map<string, Conversation>();
  const statics = new Map(Object.entries(STATIC).map(([route, { file, type }]) => [route, { body: fs.readFileSync(file), type }]));

  // Training takes most of a second: once per locale, the default one straight away.
  const understanding = (locale: string) => {
    if (!understandings.has(locale)) understandings.set(locale, understandingFor(locale));
    return understandings.get(locale)!;
  };
  void understanding(defaultLocale);

  async function conversationFor(body: Record<string, unknown>): Promise<Conversation> {
    const client = body.client;
    if (typeof client !== 'string' || !CLIENT_ID.test(client)) throw new Refusal(400, 'The page sent no conversation id: reload the page.');
    const locale = typeof body.locale === 'string' ? body.locale : defaultLocale;
    if (!locales.includes(locale)) throw new Refusal(400, `There is no interaction model for ${locale}. The skill serves ${locales.join(', ')}.`);
    const screen = body.screen === true;
    const existing = conversations.get(client);
    // Another locale or another kind of device is another conversation, as it would be on another Echo.
    if (existing && existing.locale === locale && existing.screen === screen) return existing;
    const { model, understander } = await understanding(locale);
    const conversation = { session: new SimulatedSession(handler, model, understander, { locale, screen, userId: options.userId ?? DEFAULT_USER }), locale, screen };
    conversations.delete(client);
    conversations.set(client, conversation);
    if (conversations.size > CONSOLE_LIMITS.maxClients) conversations.delete(conversations.keys().next().value!);
    return conversation;
  }

  const asConsoleTurn = (turn: TurnResult, locale: string): ConsoleTurn => ({
    ...turn,
    locale,
    speech: turn.ssml ? { text: espeakText(turn.ssml), rate: prosodyRate(turn.ssml) } : null,
  });

  const api: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    '/api/say': async (body) => {
      const text = typeof body.text === 'string' ? body.text.trim() : '';
      if (!text) throw new Refusal(400, 'Type what you would say to Alexa first.');
      if (text.length > CONSOLE_LIMITS.maxTextLength) {
        throw new Refusal(400, `That is ${text.length} characters: say it in under ${CONSOLE_LIMITS.maxTextLength}, as you would to Alexa in one go.`);
      }
      if (/[<>]/.test(text)) throw new Refusal(400, 'Type plain words, as you would say them: markup such as <b> is not something Alexa can hear.');
      const conversation = await conversationFor(body);
      return asConsoleTurn(await conversation.session.say(text), conversation.locale);
    },
    '/api/touch': async (body) => {
      const conversation = await conversationFor(body);
      if (typeof body.id !== 'string' || typeof body.label !== 'string') throw new Refusal(400, 'The page sent a touch without an item.');
      if (!conversation.session.isOpen) throw new Refusal(409, 'The session has ended, and the screen with it: say something to start again.');
      return asConsoleTurn(await conversation.session.touch(body.id, body.label.slice(0, CONSOLE_LIMITS.maxTextLength)), conversation.locale);
    },
    '/api/new': async (body) => {
      const conversation = await conversationFor(body);
      // The listener walks away; the skill hears the session end, as from a device. The pace stays in the store.
      await conversation.session.end();
      return { ended: true };
    },
  };

  return http.createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    const sendJson = (status: number, value: unknown) => send(status, 'application/json; charset=utf-8', JSON.stringify(value));
    const route = (req.url ?? '/').split('?')[0];

    if (!isOwnHost(req.headers.host)) return sendJson(403, { error: 'This console answers only at its own address.' });
    if (req.method === 'GET' && route === '/api/info') return sendJson(200, { locales, defaultLocale, maxTextLength: CONSOLE_LIMITS.maxTextLength });
    const file = statics.get(route);
    if (req.method === 'GET' && file) return send(200, file.type, file.body);
    const call = api[route];
    if (req.method !== 'POST' || !call) return sendJson(404, { error: 'There is nothing here.' });
    const foreign = foreignRequest(req);
    if (foreign) return sendJson(foreign.status, { error: foreign.message });

    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= CONSOLE_LIMITS.maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => {
      void (async () => {
        if (size > CONSOLE_LIMITS.maxBodyBytes) throw new Refusal(413, `That is too much to say at once: say it in under ${CONSOLE_LIMITS.maxTextLength} characters.`);
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          throw new Refusal(400, 'The page sent something that is not JSON: reload the page.');
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal(400, 'The page sent something that is not a request: reload the page.');
        sendJson(200, await call(body as Record<string, unknown>));
      })().catch((error: unknown) => {
        if (error instanceof Refusal) return sendJson(error.status, { error: error.message });
        // The error's kind only: its message could hold what was said.
        console.error(`web console: a request failed (${error instanceof Error ? error.name : typeof error})`);
        sendJson(500, { error: 'Something went wrong in the console, not in what you said. Try again, or start a new session.' });
      });
    });
  });
}

/**
 * Whether a request names the console by an address, not a domain: loopback ("localhost", 127.0.0.1, [::1]) or an IP
 * literal (a console bound to a LAN address with --host). A page on another domain that rebinds its name to this
 * machine (DNS rebinding) still sends its own name, and is refused.
 */
function isOwnHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return name === 'localhost' || /^[\d.]+$/.test(name) || name.includes(':');
}

/**
 * Only the console's own page may call the API: a post from another origin, or one that is not JSON by its type (a
 * cross-site form or a "simple" fetch, which a browser sends without asking), is refused before anything is run.
 */
function foreignRequest(req: http.IncomingMessage): Refusal | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) return new Refusal(403, 'Only the console\'s own page can use it.');
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return new Refusal(415, 'The page sends JSON: reload the page.');
  return undefined;
}

/** Starts the console; resolves with its address once it listens. */
export async function startConsole(options: ConsoleOptions & { host?: string; port?: number }): Promise<{ server: http.Server; url: string }> {
  const server = createConsoleServer(options);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/` };
}
