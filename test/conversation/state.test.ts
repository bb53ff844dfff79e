/** Session attributes come back with every request: whatever arrives, the state read from them is sound. */
import { compiledContent as content } from '../../lambda/content/compiled';
import { initialState, MAX_BACK, readState, writeState } from '../../lambda/conversation/state';

describe('reading the conversation state', () => {
  it('round-trips a sound state', () => {
    const state = { ...initialState(), said: { id: 'symptoms', step: 0, disclaim: true }, at: { id: 'symptoms', step: 0, disclaim: true }, offer: { id: 'symptom-relief', step: 0 }, back: [{ id: 'tests', step: 1 }], disclaimed: true, misses: 1 };
    expect(readState(content, JSON.parse(JSON.stringify(writeState(state))))).toEqual(state);
  });

  it.each([
    ['no attributes', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['an array', [1, 2, 3]],
    ['conversation as a string', { conversation: 'garbage' }],
    ['conversation as null', { conversation: null }],
  ])('starts afresh from %s', (_label, attributes) => {
    expect(readState(content, attributes)).toEqual(initialState());
  });

  it('drops, field by field, what does not point at real content', () => {
    const state = readState(content, {
      conversation: {
        said: { id: 'nope', step: 0 },
        at: { id: 'symptoms', step: 7 },
        offer: { id: 'tests', step: 2 },
        back: ['x', { id: 'myeloma', step: 0 }, { id: 'myeloma', step: -1 }, { id: 3, step: 0 }, null],
        disclaimed: 'yes',
        misses: -5,
      },
    });
    expect(state).toEqual({ ...initialState(), offer: { id: 'tests', step: 2 }, back: [{ id: 'myeloma', step: 0 }] });
  });

  it('accepts screens with their variant, and only as what was said or offered, never as an answer to go back to', () => {
    const said = (place: unknown) => readState(content, { conversation: { said: place } }).said;
    expect(said({ screen: 'welcome', returning: true })).toEqual({ screen: 'welcome', returning: true });
    expect(said({ screen: 'welcome' })).toBeUndefined();
    expect(said({ screen: 'help', disclaim: true })).toEqual({ screen: 'help', disclaim: true });
    expect(said({ screen: 'all', list: 'tests', from: 3 })).toEqual({ screen: 'all', list: 'tests', from: 3 });
    expect(said({ screen: 'all', list: 'tests', from: 99 })).toBeUndefined();
    expect(said({ screen: 'all', list: 'symptoms', from: 0 })).toBeUndefined();
    expect(said({ screen: 'nope' })).toBeUndefined();
    expect(said({ screen: 'constructor' })).toBeUndefined();
    expect(readState(content, { conversation: { at: { screen: 'help' }, back: [{ screen: 'help' }], next: { screen: 'crisis' } } })).toEqual(initialState());
  });

  it('keeps a bounded history and a bounded miss count', () => {
    const back = Array.from({ length: 50 }, () => ({ id: 'symptoms', step: 0 }));
    const state = readState(content, { conversation: { back, misses: 1e9 } });
    expect(state.back).toHaveLength(MAX_BACK);
    expect(state.misses).toBeLessThanOrEqual(10);
  });

  it('stores nothing about the listener: only places in the content, counters and the pace', () => {
    const written = JSON.stringify(writeState({ ...initialState(), at: { id: 'symptoms', step: 0 } }));
    expect(Object.keys(JSON.parse(written).conversation).sort()).toEqual(['at', 'back', 'disclaimed', 'misses', 'pace', 'paceFrom', 'preferences', 'returning', 'reviewNoted']);
  });
});
