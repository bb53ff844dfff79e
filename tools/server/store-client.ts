/**
 * How the web service's DynamoDB client connects: one socket to the store for each request that may be in flight.
 * The SDK's default pool of 50 would make the rest queue for a socket and spend their store budget waiting. Real
 * DynamoDB is HTTPS, so it is the https agent that counts; the http one serves a local store (dynalite) in tests.
 */
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { SERVER_LIMITS } from './skill-server';

const sockets = { maxSockets: SERVER_LIMITS.maxRequestsInFlight };

export const STORE_CLIENT_CONFIG: DynamoDBClientConfig = { requestHandler: { httpAgent: sockets, httpsAgent: sockets } };
