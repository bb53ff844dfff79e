/**
 * `npm run serve`: the same skill as a web service on PORT (default 3000), for an organisation that runs
 * it behind its own HTTPS proxy instead of on Lambda. Alexa's request verification is on; it can only be
 * turned off with --insecure-skip-verification, for local development, which warns on every start.
 *
 *   SKILL_ID=amzn1.ask.skill.… PORT=8080 npm run serve
 *   npm run serve -- --insecure-skip-verification            (listens on 127.0.0.1 only)
 *   npm run serve -- --insecure-skip-verification --host 0.0.0.0
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createDynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb-adapter';
import { buildSkill } from '../../lambda/skill';
import { createSkillServer } from './skill-server';
import { STORE_CLIENT_CONFIG } from './store-client';
import { createRequestVerifier } from './verify-request';

// A line for every request unless told otherwise: here no Lambda REPORT line stands for one (lambda/logging/log.ts).
process.env.LOG_LEVEL ??= 'info';

const { values } = parseArgs({ options: { 'insecure-skip-verification': { type: 'boolean', default: false }, host: { type: 'string' } } });
const skipVerification = values['insecure-skip-verification'];
// Without verification anyone who can reach the port can drive the skill, so by default only this machine can.
const host = values.host ?? (skipVerification ? '127.0.0.1' : '0.0.0.0');
const skillId = process.env.SKILL_ID || undefined;
const port = Number(process.env.PORT ?? 3000);

if (!skipVerification && !skillId) {
  console.error('SKILL_ID is required: the server only answers requests for your skill. (For local development only: --insecure-skip-verification.)');
  process.exit(2);
}
if (skipVerification) {
  console.warn('WARNING: Alexa request verification is OFF. Anyone can send this server requests. Never run it like this where Alexa can reach it.');
}

const tableName = process.env.PREFERENCES_TABLE;
const skill = buildSkill({ skillId, preferences: tableName ? createDynamoDbPersistenceAdapter({ tableName, clientConfig: STORE_CLIENT_CONFIG }) : undefined });
const server = createSkillServer({ skill, skillId, verifier: skipVerification ? undefined : createRequestVerifier() });
server.listen(port, host, () => {
  // Always said, whatever the log level: whoever started the server needs to know it is up.
  // The port bound, not the one asked for: PORT=0 asks for any free one.
  const bound = (server.address() as AddressInfo).port;
  console.log(`listening on http://${host}:${bound}/ (Alexa request verification ${skipVerification ? 'OFF' : 'on'})`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
