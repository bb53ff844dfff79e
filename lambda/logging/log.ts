/**
 * One JSON line per event, for CloudWatch. Privacy by construction: callers pass only the fields below,
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

const LEVELS = { silent: 0, error: 1, info: 2 } as const;
type Level = keyof typeof LEVELS;

function threshold(): number {
  const wanted = (process.env.LOG_LEVEL ?? 'info') as Level;
  return LEVELS[wanted] ?? LEVELS.info;
}

export function log(level: Exclude<Level, 'silent'>, fields: LogFields): void {
  if (LEVELS[level] > threshold()) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
}
