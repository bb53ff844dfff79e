/**
 * `npm run fault-check`: the skill with its preference store failing mid-conversation, for a maintainer to
 * run (not part of `npm test`; it takes about half a minute). dynalite runs in its own process, behind a
 * proxy that can slow its answers down. For each scenario:
 *   - LISTENERS listeners open the guide and ask a question (store healthy, BATCH at a time), then the fault starts;
 *   - during the fault each says "slower" and asks two more questions, while CONNECTIONS more sessions
 *     (FAULT_CHECK_CONNECTIONS, default 50) open the guide over and over for LOAD_SECONDS;
 *   - the fault ends; once the store answers promptly again, each listener comes back for a new session.
 * It reports answer times during the fault, memory before and after it (after a garbage collection, so run
 * with --expose-gc), store calls still open when it ends, the store errors logged, what the store holds
 * afterwards and the pace each listener hears when they come back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createDynamoDbPersistenceAdapter } from '../lambda/persistence/dynamodb-adapter';
import { buildSkill } from '../lambda/skill';
import { PACE_RATES, SLOWEST_PACE } from '../lambda/speech/pace';
import { type DynaliteProcess, LOCAL_CLIENT_CONFIG, startDynaliteProcess } from '../test/support/dynalite';
import { countingStore } from './fault-check/counting-store';
import { type Ledger, measure, percentile, recordStoreErrors, type StoreErrors } from './fault-check/measure';
import { type Listener, listeners, storedPaces } from './fault-check/listeners';
import { type SlowProxy, startSlowProxy } from './fault-check/slow-proxy';

const LISTENERS = 200;
const CONNECTIONS = Number(process.env.FAULT_CHECK_CONNECTIONS ?? 50);
const LOAD_SECONDS = 5;
const BATCH = 25;
const TABLE = 'fault-check-preferences';

/** dynalite in its own process, and a proxy in front of it that can slow it down. */
interface Store {
  dynamo: DynaliteProcess;
  proxy: SlowProxy;
  /** Starts dynalite again after a kill, where it was and with what it held. */
  restart(): Promise<void>;
}

interface Scenario {
  name: string;
  /** The skill reaches the store through the proxy (a proxy would turn a dead store's refusals into resets). */
  throughProxy?: true;
  start(store: Store): void | Promise<void>;
  end(store: Store): void | Promise<void>;
}

const SCENARIOS: Scenario[] = [
  { name: 'healthy', start: () => undefined, end: () => undefined },
  { name: 'killed (SIGKILL), started again after', start: (s) => s.dynamo.kill(), end: (s) => s.restart() },
  { name: 'hung (SIGSTOP), continued after', start: (s) => s.dynamo.pause(), end: (s) => s.dynamo.resume() },
  { name: 'slow: answers 300 ms late', throughProxy: true, start: (s) => void (s.proxy.delay = 300), end: (s) => void (s.proxy.delay = 0) },
  { name: 'slow: answers 800 ms late', throughProxy: true, start: (s) => void (s.proxy.delay = 800), end: (s) => void (s.proxy.delay = 0) },
];

async function startStore(): Promise<Store & { stop(): Promise<void> }> {
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'fault-check-'));
  let dynamo = await startDynaliteProcess({ path: dataPath });
  await dynamo.createTable(TABLE);
  const port = Number(new URL(dynamo.endpoint).port);
  const proxy = await startSlowProxy(port);
  return {
    get dynamo() {
      return dynamo;
    },
    proxy,
    async restart() {
      dynamo = await startDynaliteProcess({ path: dataPath, port });
    },
    async stop() {
      await proxy.close();
      await dynamo.stop();
      fs.rmSync(dataPath, { recursive: true, force: true });
    },
  };
}

/** Runs `task` for every item, BATCH at a time: as many listeners as a healthy dynalite answers well within the budget. */
async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) results.push(...(await Promise.all(items.slice(i, i + BATCH).map(task))));
  return results;
}

/** Waits until the store answers promptly again (a store back from a hang first works through what queued up). */
async function settled(dynamo: DynaliteProcess): Promise<void> {
  const probe = new DescribeTableCommand({ TableName: TABLE });
  for (let started = Date.now(); Date.now() - started < 30_000; ) {
    const asked = Date.now();
    await dynamo.client.send(probe).catch(() => undefined);
    if (Date.now() - asked < 50) return;
    await sleep(200);
  }
}

/** Sessions that open the guide over and over until `until`, each a new listener: every one reads the store. */
async function openingSessions(invoke: (e: RequestEnvelope) => Promise<ResponseEnvelope>, ledger: Ledger, until: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) await measure(ledger, () => listeners.visitor(`LOAD-${next++}`).launch(invoke));
    }),
  );
}

interface Report {
  name: string;
  ledger: Ledger;
  memory: { before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage; peakRss: number };
  openCalls: number;
  errors: StoreErrors;
  stored: Map<string, number>;
  heard: Map<string, number>;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function run(scenario: Scenario): Promise<Report> {
  const store = await startStore();
  try {
    const group = listeners.group(LISTENERS);
    await group.remember(store.dynamo, TABLE);
    const endpoint = scenario.throughProxy ? store.proxy.endpoint : store.dynamo.endpoint;
    // A Lambda instance answers one request at a time; here hundreds share one client, so its connection pool
    // is as large as the load (with the default 50, calls would wait for a connection, not for the store).
    const requestHandler = { httpAgent: { maxSockets: LISTENERS + CONNECTIONS } };
    const counting = countingStore(createDynamoDbPersistenceAdapter({ tableName: TABLE, clientConfig: { endpoint, ...LOCAL_CLIENT_CONFIG, requestHandler } }));
    const skill = buildSkill({ preferences: counting.store });
    const invoke = (event: RequestEnvelope) => skill.invoke(event);
    const ledger: Ledger = { times: [], answered: 0, failed: 0 };
    const errors = recordStoreErrors();

    await inBatches(group.members, (l) => l.turns(invoke, ['launch', 'SymptomsIntent']));
    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

    await scenario.start(store);
    await Promise.all([
      ...group.members.map((l: Listener) => l.turns(invoke, ['SpeakSlowerIntent', 'CausesIntent', 'TestsIntent'], ledger)),
      openingSessions(invoke, ledger, Date.now() + LOAD_SECONDS * 1000),
    ]);
    // A call left running would show here, and in the memory after it.
    await sleep(0);
    const openCalls = counting.open();
    gc();
    const after = process.memoryUsage();
    clearInterval(sampler);
    await scenario.end(store);
    await settled(store.dynamo);

    await inBatches(group.members, (l) => l.turns(invoke, ['AMAZON.StopIntent']));
    const heard = await group.comeBack((task) => inBatches(group.members, task), invoke);
    errors.stop();
    const stored = await storedPaces(store.dynamo, TABLE, group);
    return { name: scenario.name, ledger, memory: { before, after, peakRss }, openCalls, errors: errors.counts, stored, heard };
  } finally {
    await store.stop();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)}`;
const counts = (map: Map<string, number>) => [...map].map(([what, n]) => `${what} ×${n}`).join(', ') || 'none';

/** Answer-time figures of a ledger, ms. */
function timesOf(ledger: Ledger): { median: number; p95: number; max: number } {
  const sorted = [...ledger.times].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), max: percentile(sorted, 100) };
}

function print(report: Report): void {
  const { ledger, memory } = report;
  const { median, p95, max } = timesOf(ledger);
  console.log(`\n${report.name}`);
  console.log(`  answers during the fault: ${ledger.answered} of ${ledger.answered + ledger.failed}; median ${median} ms, p95 ${p95} ms, max ${max} ms`);
  console.log(`  memory, before the fault → at its end: heap ${mb(memory.before.heapUsed)} → ${mb(memory.after.heapUsed)} MB, RSS ${mb(memory.before.rss)} → ${mb(memory.after.rss)} MB (peak ${mb(memory.peakRss)})`);
  console.log(`  store calls still open at the end of the fault: ${report.openCalls}`);
  console.log(`  store errors logged: ${counts(report.errors)}`);
  console.log(`  stored afterwards: ${counts(report.stored)}`);
  console.log(`  the next session is heard at: ${counts(report.heard)}`);
}

function summary(reports: Report[]): void {
  const rows = reports.map((r) => {
    const { median, p95, max } = timesOf(r.ledger);
    return [r.name, `${r.ledger.answered}/${r.ledger.answered + r.ledger.failed}`, `${median}`, `${p95}`, `${max}`, `${mb(r.memory.before.heapUsed)}→${mb(r.memory.after.heapUsed)}`, `${mb(r.memory.before.rss)}→${mb(r.memory.after.rss)}`, `${r.openCalls}`];
  });
  const header = ['scenario', 'answered', 'p50 ms', 'p95 ms', 'max ms', 'heap MB', 'RSS MB', 'open calls'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  // The skill's request log lines would measure the terminal; store errors are counted instead.
  process.env.LOG_LEVEL = 'error';
  if (!(globalThis as { gc?: unknown }).gc) console.log('(no --expose-gc: memory is measured without a collection first)');
  console.log(`fault check: ${LISTENERS} listeners mid-conversation and ${CONNECTIONS} opening sessions for ${LOAD_SECONDS} s during each fault; store budget 500 ms a request`);
  console.log(`listeners: half stored at the slowest pace (${PACE_RATES[SLOWEST_PACE]} %) on an earlier visit, half new; each says "slower" during the fault`);
  const reports: Report[] = [];
  for (const scenario of SCENARIOS) {
    const report = await run(scenario);
    print(report);
    reports.push(report);
  }
  summary(reports);
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
