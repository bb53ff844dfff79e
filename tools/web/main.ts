/**
 * `npm run web`: the web console, a page that talks to the skill by keyboard or voice, through the same
 * understanding and handler as `npm start`. On 127.0.0.1 by default: it is for whoever sits at this machine.
 *
 *   npm run web
 *   npm run web -- --port 8080 --host 0.0.0.0
 *   npm run web -- --store memory          remember the pace only while it runs (default: npm start's file)
 *   npm run web -- --locale en-US          the locale the page starts in (it can switch)
 */
import { parseArgs } from 'node:util';
import { availableLocales } from '../simulator/interaction-model';
import { DEFAULT_STORE } from '../simulator/setup';
import { startConsole } from './console-server';

// The skill's JSON log lines are for CloudWatch; here they would only hide the address.
process.env.LOG_LEVEL ??= 'silent';

const USAGE = 'Usage: npm run web -- [--host <address>] [--port <number>] [--store <file>|memory|none] [--locale <locale>]';

/** Resolves with an exit code when it cannot start; once it listens, it runs until stopped. */
async function main(): Promise<number | undefined> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8377' },
      store: { type: 'string', default: DEFAULT_STORE },
      locale: { type: 'string', default: 'en-GB' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535. ${USAGE}`);
    return 2;
  }
  if (!availableLocales().includes(values.locale)) {
    console.error(`No interaction model for ${values.locale}. Available: ${availableLocales().join(', ')}`);
    return 2;
  }
  const { server, url } = await startConsole({ host: values.host, port, store: values.store, defaultLocale: values.locale });
  console.log(`The web console is at ${url} (Ctrl+C to stop).`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (e: Error) => {
    console.error(`npm run web: ${e.message}`);
    process.exit(1);
  },
);
