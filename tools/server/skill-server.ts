/**
 * The skill as a plain HTTPS-ready web service (TLS ends at the organisation's proxy): POST / takes Alexa
 * requests, GET /health answers load balancers. Every refusal happens before any skill code runs, with
 * the status a proxy and Alexa expect: 413 too large, 400 not JSON or not Alexa's envelope, 401 not
 * provably from Alexa, 403 another skill, 503 too many requests at once. Node's own http module: nothing
 * here needs a framework.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { log } from '../../lambda/logging/log';
import { envelopeProblem } from './envelope-shape';
import { requestPath } from './request-path';
import { type RequestVerifier, VerificationError } from './verify-request';

/** Alexa's requests are a few kilobytes; anything near this is not one. */
export const MAX_BODY_BYTES = 128 * 1024;

/**
 * How long and how many. Alexa gives up on a skill after 8 s, so a request still arriving after 10 s is
 * no one's; Node's defaults (60 s for headers, 300 s for a request) let a slow client hold a connection
 * for minutes.
 */
export interface ServerLimits {
  /** From connection (or the previous request) to the end of the headers. */
  headersTimeoutMs: number;
  /** From connection to the end of the body. */
  requestTimeoutMs: number;
  /**
   * How long a POST's body may take to arrive once its headers have: Alexa sends a few kilobytes at once, so a body
   * still trickling in after this is a client holding a slot (408, and the connection is closed).
   */
  bodyTimeoutMs: number;
  /** An idle kept-alive connection is closed after this; a proxy in front must use a shorter idle timeout. */
  keepAliveTimeoutMs: number;
  /** Open sockets at once: a connection over it closes the oldest socket with no request under way, or itself if there is none. */
  maxConnections: number;
  /**
   * POSTs being read or answered at once; more get 503. Below maxConnections, so that slow POSTs can never take
   * every socket and /health always has room. Also the number of open sockets above which sockets that have
   * waited over `waitingGraceMs` with no request under way are closed.
   */
  maxRequestsInFlight: number;
  /** How long a socket may wait with no request under way before a new connection may close it to make room. */
  waitingGraceMs: number;
  /** How often Node looks for requests over their timeouts (its default, 30 s, would stretch a 10 s timeout to 40 s). */
  checkIntervalMs: number;
}

export const SERVER_LIMITS: Readonly<ServerLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  bodyTimeoutMs: 2_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  maxRequestsInFlight: 192,
  waitingGraceMs: 1_000,
  checkIntervalMs: 1_000,
};

export interface SkillServerOptions {
  skill: Skill;
  /** The only skill id served; requests for any other are refused with 403. */
  skillId?: string;
  /** Alexa's signature and timestamp checks; `undefined` only when explicitly turned off for local development. */
  verifier: RequestVerifier | undefined;
  maxBodyBytes?: number;
  limits?: Partial<ServerLimits>;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The connection closed before the request was complete (a hang-up, or cut at the request timeout): nothing is wrong here, and no one is left to answer. */
class ClientHungUp extends Error {}

/** Refuses, from its headers alone, a body declared larger than `limit` (a chunked one is measured as it is read). */
function checkDeclaredSize(request: http.IncomingMessage, limit: number): void {
  if (Number(request.headers['content-length']) > limit) throw new Refusal(413, 'the body is too large');
}

function readBody(request: http.IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    /** Stops reading: what is still sent is thrown away until the refusal closes the connection. */
    const stop = (refusal: Refusal) => {
      clearTimeout(deadline);
      reject(refusal);
      request.removeAllListeners('data');
      request.resume();
    };
    const deadline = setTimeout(() => stop(new Refusal(408, 'the body took too long to arrive')), timeoutMs);
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop(new Refusal(413, 'the body is too large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => (clearTimeout(deadline), resolve(Buffer.concat(chunks))));
    // Node reports a hang-up mid-body as an 'error' (ECONNRESET, "aborted"), or only as an early 'close'.
    request.on('error', () => (clearTimeout(deadline), reject(new ClientHungUp())));
    request.on('close', () => (clearTimeout(deadline), request.complete || reject(new ClientHungUp())));
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'the body is not JSON');
  }
}

function checkShape(parsed: unknown): RequestEnvelope {
  const problem = envelopeProblem(parsed);
  if (problem) throw new Refusal(400, `the request has no valid ${problem}`);
  return parsed as RequestEnvelope;
}

/** Both ids Alexa sends must be this skill's: ask-sdk reads the one in context, a session carries another. */
function isForSkill(envelope: RequestEnvelope, skillId: string): boolean {
  return envelope.context.System.application.applicationId === skillId && (!envelope.session || envelope.session.application.applicationId === skillId);
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * Refusals that may leave a body unread close the connection, so a client cannot keep streaming into us: too large,
 * too slow, unsigned (refused from its headers alone), or no room.
 */
const CLOSES_CONNECTION = new Set([401, 408, 413, 503]);

function refuse(response: http.ServerResponse, { status, reason }: Refusal): void {
  log('info', { event: 'refused', outcome: String(status), reason });
  if (CLOSES_CONNECTION.has(status)) response.setHeader('connection', 'close');
  send(response, status, { error: reason });
}

/** Alexa's checks failing mean the request is not provably Alexa's: 401. */
async function asRefusal(check: () => unknown): Promise<void> {
  try {
    await check();
  } catch (e) {
    if (e instanceof VerificationError) throw new Refusal(401, e.message);
    throw e;
  }
}

/**
 * Clients that drip their headers (or sit idle between kept-alive requests) hold a socket without a request
 * under way, where the POST cap cannot see them. Two rules keep them from taking the sockets /health needs:
 *  - at the cap, a new connection closes the oldest socket with no request under way (Node's own
 *    `maxConnections` would instead refuse the newcomer, so clients that reconnect as soon as they are closed
 *    could keep every socket); only when every socket has a request under way is the newcomer closed;
 *  - while more sockets are open than POSTs may be in flight, those that have waited longer than `graceMs` with
 *    no request under way are closed (on each new connection and every `graceMs`). The grace spares a burst of
 *    honest clients whose headers are still on their way.
 */
function makeRoomForNewConnections(server: http.Server, { maxConnections, maxRequestsInFlight, waitingGraceMs }: ServerLimits): void {
  /** Sockets with no request under way and since when, oldest first (a Map keeps insertion order). */
  const waiting = new Map<Socket, number>();
  let open = 0;
  const close = (socket: Socket) => {
    waiting.delete(socket);
    socket.destroy();
  };
  const trim = () => {
    let over = open - maxRequestsInFlight;
    for (const [socket, since] of waiting) {
      if (over <= 0 || Date.now() - since < waitingGraceMs) break;
      close(socket);
      over--;
    }
  };
  const sweep = setInterval(trim, waitingGraceMs).unref();
  server.on('close', () => clearInterval(sweep));
  server.on('connection', (socket: Socket) => {
    if (open >= maxConnections) {
      const [oldest] = waiting.keys();
      if (!oldest) return void socket.destroy();
      close(oldest);
    }
    open++;
    waiting.set(socket, Date.now());
    socket.on('close', () => (open--, waiting.delete(socket)));
    trim();
  });
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const socket = request.socket;
    waiting.delete(socket);
    // Back among the waiting when answered, as the newest.
    response.on('finish', () => socket.destroyed || waiting.set(socket, Date.now()));
  });
}

export function createSkillServer(options: SkillServerOptions): http.Server {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const limits = { ...SERVER_LIMITS, ...options.limits };
  let inFlight = 0;
  /** Each socket's requests still holding a slot, given back when the socket closes if their response never does. */
  const pendingOn = new WeakMap<Socket, Set<() => void>>();

  async function answer(request: http.IncomingMessage): Promise<unknown> {
    // A body declared too large, or a request not signed the way Alexa signs, is refused from its headers before
    // its body is read: such a client cannot hold a slot for as long as it takes to send one.
    checkDeclaredSize(request, limit);
    await asRefusal(() => options.verifier?.verifyHeaders(request.headers));
    const body = await readBody(request, limit, limits.bodyTimeoutMs);
    const parsed = parseJson(body);
    // The signature first, so nothing in an unsigned body is trusted; then the shape, which the timestamp
    // check and the skill rely on.
    await asRefusal(() => options.verifier?.verifySignature(body, request.headers));
    const envelope = checkShape(parsed);
    await asRefusal(() => options.verifier?.verifyTimestamp(envelope.request.timestamp));
    if (options.skillId && !isForSkill(envelope, options.skillId)) throw new Refusal(403, 'the request is for another skill');
    return options.skill.invoke(envelope);
  }

  function handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const path = requestPath(request.url);
    if (path === '/health' && (request.method === 'GET' || request.method === 'HEAD')) {
      send(response, 200, { status: 'ok' });
      return;
    }
    if (path !== '/') {
      send(response, 404, { error: 'not found' });
      return;
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      send(response, 405, { error: 'skill requests are POSTed' });
      return;
    }
    if (inFlight >= limits.maxRequestsInFlight) {
      refuse(response, new Refusal(503, 'the server is busy'));
      return;
    }
    inFlight++;
    // Given back once, on whichever closes first, the response or its connection: Node emits "close" only on the
    // response attached to the socket, so a request queued behind it on a pipelined connection that is then reset
    // would otherwise keep its slot for good. One listener a socket, however many requests it pipelines.
    const socket = request.socket;
    let pending = pendingOn.get(socket);
    if (!pending) {
      const releases = new Set<() => void>();
      pendingOn.set(socket, (pending = releases));
      socket.once('close', () => releases.forEach((release) => release()));
    }
    const release = () => {
      if (pending.delete(release)) inFlight--;
    };
    pending.add(release);
    response.once('close', release);
    answer(request).then(
      (result) => send(response, 200, result),
      (e: unknown) => {
        if (e instanceof ClientHungUp) {
          // Anyone can do this at will, so it is no error and carries no stack.
          log('info', { event: 'refused', outcome: 'client-aborted', reason: 'the connection closed before the request was complete' });
          return;
        }
        if (e instanceof Refusal) {
          refuse(response, e);
          return;
        }
        log('error', { event: 'error', message: (e as Error).message, stack: (e as Error).stack });
        send(response, 500, { error: 'something went wrong' });
      },
    );
  }

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    handle,
  );
  makeRoomForNewConnections(server, limits);
  return server;
}
