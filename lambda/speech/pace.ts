/**
 * Speaking pace: a few steps between slow and fast, as SSML prosody rates. The step, not the rate, is
 * what is stored, so the steps can be retuned without touching anyone's saved preference.
 */
export const PACE_RATES = [70, 85, 100, 115, 130] as const;
export const NORMAL_PACE = 2;
export const SLOWEST_PACE = 0;
export const FASTEST_PACE = PACE_RATES.length - 1;

export function isPace(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= SLOWEST_PACE && value <= FASTEST_PACE;
}

/** A pace read from anywhere (the store, the session), or undefined; -0 becomes the plain 0, the same after a JSON round trip. */
export function paceOf(value: unknown): number | undefined {
  return isPace(value) ? value + 0 : undefined;
}

export function rateOf(pace: number): number {
  return PACE_RATES[isPace(pace) ? pace : NORMAL_PACE];
}
