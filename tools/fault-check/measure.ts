/** Answer times and the store errors the skill logs, for the fault check. */

export interface Ledger {
  /** How long each answer took, ms. */
  times: number[];
  answered: number;
  failed: number;
}

/** Times one answer into the ledger; an answer that throws counts as failed. */
export async function measure(ledger: Ledger, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  try {
    await work();
    ledger.answered++;
  } catch {
    ledger.failed++;
  } finally {
    ledger.times.push(Math.round(performance.now() - started));
  }
}

/** The p-th percentile of sorted times (100: the largest), or 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Store-error outcomes ('save-timed-out', …) and how often each was logged. */
export type StoreErrors = Map<string, number>;

/** Counts the store errors the skill logs from now until stop(); they are counted, not printed. */
export function recordStoreErrors(): { counts: StoreErrors; stop(): void } {
  const counts: StoreErrors = new Map();
  const print = console.error;
  console.error = (line: unknown, ...rest: unknown[]) => {
    const entry = typeof line === 'string' && line.startsWith('{') ? (JSON.parse(line) as { event?: string; outcome?: string }) : undefined;
    if (entry?.event !== 'store-error') return print(line, ...rest);
    const outcome = String(entry.outcome);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  };
  return { counts, stop: () => void (console.error = print) };
}
