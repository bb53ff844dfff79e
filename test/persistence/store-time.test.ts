/**
 * The time a request gives the store, and what is logged when the store does not make it. A save that
 * runs out of time may still be applied, so it is logged as timed out, not as failed.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import type { PreferencesStore } from '../../lambda/persistence/store';
import { createMemoryPersistenceAdapter } from '../../lambda/persistence/memory-adapter';
import { buildSkill } from '../../lambda/skill';
import { captureLogs } from '../support/capture-logs';
import { conversation } from '../support/conversation';

const never = () => new Promise<never>(() => undefined);
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** The outcomes of the store errors logged while `run` runs. */
async function storeErrorsDuring(run: () => Promise<unknown>): Promise<unknown[]> {
  const entries = await captureLogs(run);
  return entries.filter((entry) => entry.event === 'store-error').map((entry) => entry.outcome);
}

/** "Open the guide" then "slower": the slower is saved, through `store`. */
function slowerThrough(store: PreferencesStore, storeTimeoutMs: number) {
  const skill = buildSkill({ preferences: store, storeTimeoutMs });
  const c = conversation({ handler: (event: RequestEnvelope) => skill.invoke(event) });
  return async () => {
    await c.launch();
    await c.intent('SpeakSlowerIntent');
  };
}

describe('a save the store does not answer in time', () => {
  it('is logged as timed out, because it may still be applied', async () => {
    const memory = createMemoryPersistenceAdapter();
    const store: PreferencesStore = { ...memory, saveAttributes: never };
    expect(await storeErrorsDuring(slowerThrough(store, 50))).toEqual(['save-timed-out', 'save-timed-out']);
  });

  it('is logged as failed when the store says no', async () => {
    const memory = createMemoryPersistenceAdapter();
    const store: PreferencesStore = { ...memory, saveAttributes: () => Promise.reject(new Error('no')) };
    expect(await storeErrorsDuring(slowerThrough(store, 50))).toEqual(['save-failed', 'save-failed']);
  });

  it('is logged as failed when it never reached the store (the client could not connect in time)', async () => {
    // The SDK's HTTP handler names this a TimeoutError too, but nothing was sent, so nothing can still be applied.
    const notConnected = Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 200 ms.'), { name: 'TimeoutError' });
    const memory = createMemoryPersistenceAdapter();
    const store: PreferencesStore = { ...memory, saveAttributes: () => Promise.reject(notConnected) };
    expect(await storeErrorsDuring(slowerThrough(store, 50))).toEqual(['save-failed', 'save-failed']);
  });
});

describe('a read the store does not answer', () => {
  it.each([
    ['in time', never, 'read-timed-out'],
    ['at all', () => Promise.reject(new Error('no')), 'read-failed'],
  ])('is logged as such: %s', async (_what, getAttributes, outcome) => {
    const store: PreferencesStore = { ...createMemoryPersistenceAdapter(), getAttributes };
    const skill = buildSkill({ preferences: store, storeTimeoutMs: 50 });
    const launch = () => conversation({ handler: (event: RequestEnvelope) => skill.invoke(event) }).launch();
    expect(await storeErrorsDuring(launch)).toEqual([outcome]);
  });
});

describe('the time a request gives the store', () => {
  // Timers fire in the order they fall due, however busy the machine: these tests do not depend on its speed.
  it('is one budget for the whole request: a save after a slow read has only what the read left', async () => {
    const memory = createMemoryPersistenceAdapter();
    // The read uses 250 ms of the 300; the save would need 150 ms, more than the 100 ms left to it at most.
    const store: PreferencesStore = {
      getAttributes: (envelope) => after(250, {}).then(() => memory.getAttributes(envelope)),
      saveAttributes: (envelope, attributes) => after(150, undefined).then(() => memory.saveAttributes(envelope, attributes)),
    };
    const skill = buildSkill({ preferences: store, storeTimeoutMs: 300 });
    // A one-shot "Alexa, ask the guide to speak slower": the read and the save in the same request.
    const oneShot = () => conversation({ handler: (event: RequestEnvelope) => skill.invoke(event) }).intent('SpeakSlowerIntent');
    expect(await storeErrorsDuring(oneShot)).toEqual(['save-timed-out']);
  });
});
