/**
 * The web service's DynamoDB client has a socket for every request that may be in flight, on the agent real DynamoDB
 * uses (HTTPS). Found by a review: only the http agent was given the pool, which serves dynalite in tests, so against
 * DynamoDB over 50 concurrent requests queued for a socket inside their store budget.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SERVER_LIMITS } from '../../tools/server/skill-server';
import { STORE_CLIENT_CONFIG } from '../../tools/server/store-client';

/** The agents the SDK's Node handler resolved from a client config (its own, once it has resolved them). */
async function agentsOf(client: DynamoDBClient): Promise<{ https: { maxSockets: number }; http: { maxSockets: number } }> {
  const handler = client.config.requestHandler as unknown as { configProvider: Promise<{ httpsAgent: { maxSockets: number }; httpAgentProvider: () => Promise<{ maxSockets: number }> }> };
  const config = await handler.configProvider;
  return { https: config.httpsAgent, http: await config.httpAgentProvider() };
}

it('gives the HTTPS agent (real DynamoDB) and the HTTP one (a local store) a socket for every request in flight', async () => {
  const client = new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, ...STORE_CLIENT_CONFIG });
  try {
    const agents = await agentsOf(client);
    expect(agents.https.maxSockets).toBe(SERVER_LIMITS.maxRequestsInFlight);
    expect(agents.http.maxSockets).toBe(SERVER_LIMITS.maxRequestsInFlight);
  } finally {
    client.destroy();
  }
});
