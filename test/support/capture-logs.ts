/**
 * The skill's log lines, parsed, while `work` runs at a log level: info unless told; null runs it with LOG_LEVEL unset
 * (console.log and console.error both).
 */
export async function captureLogs(work: () => Promise<unknown>, level: string | null = 'info'): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  const before = process.env.LOG_LEVEL;
  if (level === null) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = level;
  try {
    await work();
  } finally {
    if (before === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = before;
    log.mockRestore();
    error.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
