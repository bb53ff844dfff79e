/**
 * Pace and remembered preferences, as a listener hears them: every answer and reprompt at the chosen
 * pace, the pace kept for the same listener's next visit (and no one else's), a shorter welcome for a
 * returning listener, and a store that fails, hangs or holds rubbish never costing an answer.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { createMemoryPersistenceAdapter } from '../../lambda/persistence/memory-adapter';
import { buildSkill } from '../../lambda/skill';
import { NORMAL_PACE, PACE_RATES } from '../../lambda/speech/pace';
import { type Answer, conversation, uiText } from '../support/conversation';

const rateIn = (ssml: string | undefined): number | undefined => {
  const match = /^<speak><prosody rate="(\d+)%">[\s\S]*<\/prosody><\/speak>$/.exec(ssml ?? '');
  return match ? Number(match[1]) : undefined;
};

function skillWith(preferences: PersistenceAdapter, storeTimeoutMs = 200) {
  const skill = buildSkill({ preferences, storeTimeoutMs });
  return (event: RequestEnvelope) => skill.invoke(event);
}

const ssmlOf = (a: Answer) => {
  const reprompt = a.response.response.reprompt?.outputSpeech;
  return { speech: a.ssml, reprompt: reprompt?.type === 'SSML' ? reprompt.ssml : undefined };
};

describe('pace', () => {
  it('starts at the normal pace, with no prosody at all', async () => {
    const a = await conversation({ handler: skillWith(createMemoryPersistenceAdapter()) }).launch();
    expect(ssmlOf(a).speech).not.toContain('<prosody');
  });

  it('"slower" takes one step down for every answer and reprompt from then on, confirmed at the new pace', async () => {
    const c = conversation({ handler: skillWith(createMemoryPersistenceAdapter()) });
    await c.launch();
    const slower = await c.intent('SpeakSlowerIntent');
    expect(slower.text.startsWith(uiText('paceSlower'))).toBe(true);
    expect(rateIn(ssmlOf(slower).speech)).toBe(PACE_RATES[NORMAL_PACE - 1]);
    const answer = await c.intent('SymptomsIntent');
    expect(rateIn(ssmlOf(answer).speech)).toBe(PACE_RATES[NORMAL_PACE - 1]);
    expect(rateIn(ssmlOf(answer).reprompt)).toBe(PACE_RATES[NORMAL_PACE - 1]);
    const repeat = await c.intent('AMAZON.RepeatIntent');
    expect(repeat.text).toBe(answer.text);
    expect(rateIn(ssmlOf(repeat).speech)).toBe(PACE_RATES[NORMAL_PACE - 1]);
  });

  it('says so at the slowest and fastest steps instead of going past them', async () => {
    const c = conversation({ handler: skillWith(createMemoryPersistenceAdapter()) });
    await c.launch();
    for (let i = 0; i < NORMAL_PACE; i++) await c.intent('SpeakSlowerIntent');
    const slowest = await c.intent('SpeakSlowerIntent');
    expect(slowest.text.startsWith(uiText('paceSlowest'))).toBe(true);
    expect(rateIn(ssmlOf(slowest).speech)).toBe(PACE_RATES[0]);
    for (let i = 0; i < PACE_RATES.length - 1; i++) await c.intent('SpeakFasterIntent');
    const fastest = await c.intent('SpeakFasterIntent');
    expect(fastest.text.startsWith(uiText('paceFastest'))).toBe(true);
    expect(rateIn(ssmlOf(fastest).speech)).toBe(PACE_RATES[PACE_RATES.length - 1]);
    const normal = await c.intent('NormalSpeedIntent');
    expect(normal.text.startsWith(uiText('paceNormal'))).toBe(true);
    expect(ssmlOf(normal).speech).not.toContain('<prosody');
  });

  it('works without any store, for this session only', async () => {
    const c = conversation({ handler: (e) => buildSkill().invoke(e) });
    await c.launch();
    await c.intent('SpeakSlowerIntent');
    expect(rateIn(ssmlOf(await c.intent('CausesIntent')).speech)).toBe(PACE_RATES[NORMAL_PACE - 1]);
  });
});

describe('remembered preferences', () => {
  it('keeps the pace for the same listener next visit, and a shorter welcome; another listener starts afresh', async () => {
    const store = createMemoryPersistenceAdapter();
    const first = conversation({ handler: skillWith(store), userId: 'amzn1.ask.account.PAT' });
    const firstWelcome = await first.launch();
    await first.intent('SpeakSlowerIntent');
    await first.intent('AMAZON.StopIntent');

    const back = await conversation({ handler: skillWith(store), userId: 'amzn1.ask.account.PAT' }).launch();
    expect(rateIn(ssmlOf(back).speech)).toBe(PACE_RATES[NORMAL_PACE - 1]);
    expect(back.text.startsWith(uiText('welcomeBack'))).toBe(true);
    expect(back.text.split(' ').length).toBeLessThan(firstWelcome.text.split(' ').length);
    expect(back.text).toContain(uiText('disclaimer'));

    const someoneElse = await conversation({ handler: skillWith(store), userId: 'amzn1.ask.account.SAM' }).launch();
    expect(ssmlOf(someoneElse).speech).not.toContain('<prosody');
    expect(someoneElse.text.startsWith(uiText('welcome'))).toBe(true);
  });

  it('stores only the pace and the welcome, under a key that is not the user id', async () => {
    const store = createMemoryPersistenceAdapter();
    const c = conversation({ handler: skillWith(store), userId: 'amzn1.ask.account.PRIVATE' });
    await c.launch();
    await c.intent('TestDetailIntent', { test: { value: 'bone scan', id: 'bone-scan' } });
    await c.intent('SpeakFasterIntent');
    expect([...store.records.values()]).toEqual([{ pace: NORMAL_PACE + 1, welcomed: true }]);
    expect(JSON.stringify([...store.records])).not.toContain('PRIVATE');
  });

  it('reads the store once a session, not on every turn', async () => {
    const store = createMemoryPersistenceAdapter();
    let reads = 0;
    const counting: PersistenceAdapter = { ...store, getAttributes: (e) => (reads++, store.getAttributes(e)) };
    const c = conversation({ handler: skillWith(counting) });
    await c.launch();
    await c.intent('SymptomsIntent');
    await c.intent('AMAZON.YesIntent');
    expect(reads).toBe(1);
  });
});

describe('a store that lets us down never costs an answer', () => {
  const failing: PersistenceAdapter = {
    getAttributes: () => Promise.reject(new Error('store is down')),
    saveAttributes: () => Promise.reject(new Error('store is down')),
  };
  const hanging: PersistenceAdapter = {
    getAttributes: () => new Promise(() => undefined),
    saveAttributes: () => new Promise(() => undefined),
  };

  it.each([
    ['down', failing],
    ['too slow', hanging],
  ])('a store that is %s: the welcome at the default pace, and pace changes still work for the session', async (_what, store) => {
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    process.env.LOG_LEVEL = 'error';
    try {
      const c = conversation({ handler: skillWith(store, 50) });
      const welcome = await c.launch();
      expect(welcome.text.startsWith(uiText('welcome'))).toBe(true);
      expect(ssmlOf(welcome).speech).not.toContain('<prosody');
      const slower = await c.intent('SpeakSlowerIntent');
      expect(rateIn(ssmlOf(slower).speech)).toBe(PACE_RATES[NORMAL_PACE - 1]);
    } finally {
      process.env.LOG_LEVEL = 'silent';
      spy.mockRestore();
    }
    // Logged, and without the user id.
    expect(errors.some((line) => /"event":"store-error"/.test(line))).toBe(true);
    expect(errors.join('\n')).not.toContain('amzn1.ask.account');
  });

  it('a store that fails to read never has its stored pace overwritten by a "first visit"', async () => {
    const store = createMemoryPersistenceAdapter();
    const saves: unknown[] = [];
    const flaky: PersistenceAdapter = {
      getAttributes: () => Promise.reject(new Error('read failed')),
      saveAttributes: (e, a) => (saves.push(a), store.saveAttributes(e, a)),
    };
    const c = conversation({ handler: skillWith(flaky) });
    await c.launch();
    await c.intent('SymptomsIntent');
    expect(saves).toEqual([]);
  });

  it.each([
    ['not an object', 'garbage'],
    ['a pace out of range', { pace: 99, welcomed: 'yes' }],
    ['wrong types', { pace: 'fast', welcomed: 1 }],
  ])('a stored record that is %s is ignored', async (_what, record) => {
    const store: PersistenceAdapter = { getAttributes: async () => record as Record<string, unknown>, saveAttributes: async () => undefined };
    const welcome = await conversation({ handler: skillWith(store) }).launch();
    expect(welcome.text.startsWith(uiText('welcome'))).toBe(true);
    expect(ssmlOf(welcome).speech).not.toContain('<prosody');
  });
});
