/**
 * Places and the screens' rules, as a newcomer would read them: which places are the same, what each screen does to
 * the conversation (the table in lambda/conversation/screens.ts), and the voice's fallbacks.
 */
import { answers } from '../../lambda/content/answers';
import { samePlace, startOf, stepsOf } from '../../lambda/conversation/place';
import { createRenderer } from '../../lambda/conversation/render';
import { voiceFor } from '../../lambda/conversation/turn-for';
import { allOf, ENTRY_RULES, rulesOf, screen, SCREENS, welcome } from '../../lambda/conversation/screens';
import { packedSpeech } from '../../lambda/speech/compiled';
import { PACE_RATES } from '../../lambda/speech/pace';
import { textOf } from '../../lambda/speech/ssml';
import { createVoice } from '../../lambda/speech/voice';

const voice = createVoice(packedSpeech);
const renderer = createRenderer(answers, voice);

describe('the same place', () => {
  it.each([
    ['an answer at the same sentence', startOf('symptoms'), { id: 'symptoms', step: 0, disclaim: true }, true],
    ['an answer at another sentence', startOf('symptoms'), { id: 'symptoms', step: 1 }, false],
    ['an answer and a screen', startOf('symptoms'), screen('help'), false],
    ['the welcome for a new and a returning listener', welcome(false), welcome(true), false],
    ['the welcome twice', welcome(true), welcome(true), true],
    ['two screens', screen('emergency'), screen('crisis'), false],
    ['a whole list from the same name', allOf('tests', 4), allOf('tests', 4), true],
    ['a whole list from another name', allOf('tests', 0), allOf('tests', 4), false],
    ['two lists', allOf('tests'), allOf('treatments'), false],
    ['nothing', undefined, screen('help'), false],
  ])('%s', (_what, a, b, same) => {
    expect(samePlace(a, b)).toBe(same);
    expect(samePlace(b, a)).toBe(same);
  });
});

describe('the screens\u2019 rules', () => {
  it('only content answers are remembered by "go back", and they carry the disclaimer once and a new listener\u2019s review note', () => {
    expect(rulesOf(startOf('symptoms'))).toBe(ENTRY_RULES);
    expect(ENTRY_RULES).toMatchObject({ disclaimer: 'once', remembered: true, carriesReviewNote: true, replayedOnPace: 'offered', keepsOffer: false });
    for (const rules of Object.values(SCREENS)) expect(rules).toMatchObject({ remembered: false, carriesReviewNote: false });
  });

  it('the safety screens are said alone, without the disclaimer, and a change of pace offers them again', () => {
    for (const name of ['emergency', 'crisis'] as const) expect(rulesOf(screen(name))).toMatchObject({ disclaimer: 'never', replayedOnPace: 'at once', keepsOffer: false, misheardOffersItAgain: name === 'crisis' });
  });

  it('Help says the disclaimer itself and keeps the question asked before it; the welcome and Help are not replayed after a pace change', () => {
    expect(rulesOf(screen('help'))).toMatchObject({ disclaimer: 'itself', keepsOffer: true, replayedOnPace: false });
    expect(rulesOf(welcome(false))).toMatchObject({ disclaimer: 'once', replayedOnPace: false });
  });

  it('the long welcome says the review date itself; the short one, for a returning listener, does not', () => {
    expect(SCREENS.welcome.saysReviewDate({ screen: 'welcome', returning: false })).toBe(true);
    expect(SCREENS.welcome.saysReviewDate({ screen: 'welcome', returning: true })).toBe(false);
  });
});

describe('rendering what only code could ask for', () => {
  it('a lead that is not a topic says nothing first: the answer itself starts', () => {
    const plain = renderer.render(startOf('bone-scan'));
    expect(renderer.render({ id: 'bone-scan', step: 0, lead: 'tests' }).reply.speech.ssml).toBe(plain.reply.speech.ssml);
  });

  it('a locale the skill does not serve is spoken for in en-GB (to say so), never with no voice at all', () => {
    expect(voiceFor('xx-XX')).toBe(voiceFor('en-GB'));
    expect(voiceFor(undefined).locale).toBe('en-GB');
    expect(textOf(voiceFor('fr-FR').emergencyNumber().ssml)).toBe('999');
    // Asking the book itself for a locale it has no speech for is a mistake in the code, said as such.
    expect(() => createVoice(packedSpeech, 'fr-FR')).toThrow(/fr-FR/);
  });

  it('an entry the book does not have is an error in the code, said as such', () => {
    expect(() => voice.entry('no-such-entry')).toThrow(/no-such-entry/);
    expect(() => voice.entry('constructor')).toThrow(/constructor/);
  });
});

/**
 * A renderer keeps what it renders (a warm container is asked for the same places again and again). Its key must hold
 * everything a rendering depends on: rendered one after another by one renderer, every place at every pace is what
 * a fresh renderer makes of it alone. A key that left out the step, a flag, the lead, the pace, or the answer Help
 * speaks about would hand one place's rendering to another.
 */
describe('renderings kept', () => {
  const topicIds = Object.values(answers.entries).filter((e) => e.kind === 'topic').map((e) => e.id);
  const entryPlaces = Object.values(answers.entries).flatMap((entry) =>
    Array.from({ length: stepsOf(entry) }, (_, step) =>
      [{}, { disclaim: true }, { reviewNote: true }, { disclaim: true, reviewNote: true }, { lead: topicIds[0] }, { lead: topicIds[1], disclaim: true }].map((flags) => ({ id: entry.id, step, ...flags })),
    ).flat(),
  );
  const screens = [welcome(false), welcome(true), screen('help'), screen('emergency'), screen('crisis'), allOf('tests'), allOf('treatments', 4)];
  const contexts = [undefined, startOf('symptoms'), startOf('tests')];
  const kept = createRenderer(answers, voice);

  it.each(PACE_RATES)('at rate %d, every place is rendered as a fresh renderer renders it', (rate) => {
    const differences: string[] = [];
    const places = [...entryPlaces.map((place) => ({ place, at: undefined })), ...screens.flatMap((place) => contexts.map((at) => ({ place, at })))];
    for (const { place, at } of places) {
      const fresh = createRenderer(answers, voice).render(place, { rate, at });
      if (JSON.stringify(kept.render(place, { rate, at })) !== JSON.stringify(fresh)) differences.push(JSON.stringify({ place, at }));
    }
    expect(places.length).toBeGreaterThan(400);
    expect(differences).toEqual([]);
  });

  it('keeps nothing a listener said, and what it keeps cannot be changed', () => {
    const sorry = (heard: string) => textOf(kept.render(startOf('tests'), { unknownItem: heard }).reply.speech.ssml);
    expect(sorry('magic beans')).toContain('magic beans');
    expect(sorry('dexa scan')).toContain('dexa scan');
    const rendered = kept.render(startOf('symptoms'));
    expect(kept.render(startOf('symptoms'))).toBe(rendered);
    expect(() => Object.assign(rendered.reply, { kind: 'tell' })).toThrow(TypeError);
  });
});
