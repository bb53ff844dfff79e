/**
 * Fetches the PEM chain from a (canonical, already checked) signature certificate URL, with a total
 * deadline: an idle timeout alone lets a server that drip-feeds bytes hold the request for as long as it
 * likes, and a request is only worth answering within Alexa's 8 seconds.
 */
import https from 'node:https';
import type http from 'node:http';
import { VerificationError } from './verification-error';

/** From the first byte sent to the last byte read; S3 answers in well under a second. */
export const CERTIFICATE_FETCH_DEADLINE_MS = 3000;
const MAX_CERTIFICATE_BYTES = 64 * 1024;

export interface FetchOptions {
  deadlineMs?: number;
  /** https.get, or http.get for a test server on loopback. */
  get?: (url: string, callback: (response: http.IncomingMessage) => void) => http.ClientRequest;
}

export function fetchCertificate(url: string, { deadlineMs = CERTIFICATE_FETCH_DEADLINE_MS, get = https.get }: FetchOptions = {}): Promise<string> {
  let deadline: NodeJS.Timeout | undefined;
  const fetching = new Promise<string>((resolve, reject) => {
    // The first reason wins; destroying the request then stops whatever is still coming.
    const fail = (reason: string) => {
      reject(new VerificationError(`the signature certificate ${reason}`));
      request.destroy();
    };
    const request = get(url, (response) => {
      if (response.statusCode !== 200) return fail(`could not be fetched (${response.statusCode})`);
      let pem = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        pem += chunk;
        if (pem.length > MAX_CERTIFICATE_BYTES) fail('is too large');
      });
      response.on('end', () => resolve(pem));
      response.on('error', () => fail('could not be fetched'));
    });
    request.on('error', () => fail('could not be fetched'));
    deadline = setTimeout(() => fail('took too long to fetch'), deadlineMs);
  });
  return fetching.finally(() => clearTimeout(deadline));
}
