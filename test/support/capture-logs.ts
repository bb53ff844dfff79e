/** The skill's log lines, parsed, while `work` runs at the info level (console.log and console.error both). */
export async function captureLogs(work: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info';
  try {
    await work();
  } finally {
    process.env.LOG_LEVEL = level;
    log.mockRestore();
    error.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
