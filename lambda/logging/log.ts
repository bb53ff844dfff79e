/**
 * One JSON line per event, for CloudWatch. The level (LOG_LEVEL) is `warn` unless set: errors, and what went wrong
 * outside the skill (a device's error, a store that failed); `info` adds a line for every request, which Lambda's own
 * REPORT line already stands for in production; `error` and `silent` say less. Privacy by construction: callers pass only the fields below,
 * never user ids, device ids, intent names, slot values or session attributes.
 */
export interface LogFields {
  event: 'request' | 'error' | 'session-ended' | 'device-error' | 'store-error' | 'refused';
  requestType?: string;
  outcome?: string;
  durationMs?: number;
  reason?: string;
  message?: string;
  stack?: string;
}

const LEVELS = { silent: 0, error: 1, warn: 2, info: 3 } as const;
type Level = keyof typeof LEVELS;

/** As operators write it: any case; `debug` and `trace` mean info, the most this skill writes. */
function threshold(): number {
  const wanted = (process.env.LOG_LEVEL ?? 'warn').toLowerCase();
  if (wanted === 'debug' || wanted === 'trace') return LEVELS.info;
  return Object.hasOwn(LEVELS, wanted) ? LEVELS[wanted as Level] : LEVELS.warn;
}

/** Whether lines of this level are written now. */
export const logsAt = (level: Exclude<Level, 'silent'>): boolean => LEVELS[level] <= threshold();

export function log(level: Exclude<Level, 'silent'>, fields: LogFields): void {
  if (!logsAt(level)) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...fields });
  // Through the console method of the level, which Lambda's JSON log format records (and filters) it as.
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}
