/**
 * The skill's log lines, parsed, while `work` runs at a log level: info unless told; null runs it with LOG_LEVEL unset
 * (console.log, console.warn and console.error, as the skill writes each level).
 */
export async function captureLogs(work: () => Promise<unknown>, level: string | null = 'info'): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(String(args[0]));
  const spies = (['log', 'warn', 'error'] as const).map((method) => jest.spyOn(console, method).mockImplementation(keep));
  const before = process.env.LOG_LEVEL;
  if (level === null) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = level;
  try {
    await work();
  } finally {
    if (before === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = before;
    spies.forEach((spy) => spy.mockRestore());
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
