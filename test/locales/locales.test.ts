/**
 * Every English locale the skill serves, as its listeners hear it. The content stays the page's own words; what
 * depends on the country comes from content/contacts.yaml (the numbers) and content/locales.yaml (the words that
 * would not be true there), and the expectations below are built from those two tables. The harness checks every
 * response (valid Alexa SSML, a question and a reprompt while the session stays open).
 *
 *   U: (en-US) my mom can't feel her legs
 *   A: If this is an emergency, call 911 now. ...
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packedSpeech } from '../../lambda/speech/compiled';
import { textOf } from '../../lambda/speech/ssml';
import { createVoice } from '../../lambda/speech/voice';
import { SERVED_LOCALES } from '../../lambda/conversation/turn-for';
import { modelLocales } from '../../tools/model/source';
import { content, conversation, heard, joined, uiText } from '../support/conversation';
import { count } from '../dialogues/conversations/helpers';

const LOCALES = ['en-GB', 'en-US', 'en-CA', 'en-AU', 'en-IN'];
const ABROAD = LOCALES.filter((l) => l !== 'en-GB');
const numbersOf = (locale: string) => content.contacts[locale];
/** The emergency number as heard: its digits, or as it is said there ("000" is said "triple zero"). */
const emergencyHeard = (locale: string) => numbersOf(locale).emergency.said ?? numbersOf(locale).emergency.number;
const lineHeard = (line: { name: string; number: string; hours: string }) => ({ name: heard(line.name), number: line.number, hours: line.hours });

/** A sentence as `locale` says it: the page's words changed as content/locales.yaml says. */
function localised(locale: string, text: string): string {
  const { wording, spelling } = content.locales[locale];
  return Object.entries({ ...wording, ...spelling }).reduce((said, [from, to]) => said.split(heard(from)).join(heard(to)), text);
}

describe('the locales served', () => {
  it('are the five English locales, each with its numbers and its words', () => {
    expect([...SERVED_LOCALES].sort()).toEqual([...LOCALES].sort());
    expect(Object.keys(content.contacts).sort()).toEqual([...LOCALES].sort());
    expect(Object.keys(content.locales).sort()).toEqual([...LOCALES].sort());
    // ...and each has an interaction model, generated from the one source (npm run model), and publishing text.
    expect(modelLocales().sort()).toEqual([...LOCALES].sort());
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../skill.json'), 'utf8')) as { manifest: { publishingInformation: { locales: Record<string, { description: string }> } } };
    expect(Object.keys(manifest.manifest.publishingInformation.locales).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      const { description } = manifest.manifest.publishingInformation.locales[locale];
      expect(description).toContain('not a substitute for professional medical advice');
      expect(description).toContain(`call ${numbersOf(locale).emergency.number}`);
    }
  });
});

describe.each(LOCALES)('%s: safety answers put the local number first', (locale) => {
  it('an emergency: the number in the first sentence, then the urgent line where the country has one', async () => {
    const answer = await conversation({ locale }).intent('EmergencyIntent');
    expect(answer.text.startsWith(uiText('emergencyNow', { number: emergencyHeard(locale) }).split('.')[0])).toBe(true);
    const urgent = numbersOf(locale).urgent;
    if (urgent) expect(answer.text).toContain(uiText('urgentLine', lineHeard(urgent)));
    else expect(answer.text).not.toContain(uiText('urgentLine', { name: '', number: '', hours: '' }).split(',')[0]);
  });

  it('at the slowest pace the emergency answer still fits one turn, the number first; the urgent line where there is room', async () => {
    const c = conversation({ locale });
    for (let i = 0; i < 4; i++) await c.intent('SpeakSlowerIntent');
    // The harness fails any turn that takes over 40 seconds at its pace.
    const answer = await c.intent('EmergencyIntent');
    expect(answer.text.startsWith(uiText('emergencyNow', { number: emergencyHeard(locale) }).split('.')[0])).toBe(true);
  });

  it('a crisis: the crisis line first, then the emergency number for immediate danger', async () => {
    const answer = await conversation({ locale }).intent('CrisisIntent');
    expect(answer.text.startsWith(uiText('crisisNow', { ...lineHeard(numbersOf(locale).crisis), emergency: emergencyHeard(locale) }))).toBe(true);
  });

  it('help begins with the local number', async () => {
    const answer = await conversation({ locale }).intent('AMAZON.HelpIntent');
    expect(answer.text.startsWith(uiText('helpUrgent', { number: emergencyHeard(locale) }))).toBe(true);
  });
});

describe('numbers said the way they are said there', () => {
  it('en-AU says triple zero for 000, and shows 000', () => {
    const said = createVoice(packedSpeech, 'en-AU').emergencyNumber();
    expect(said.ssml).toContain(`alias="${numbersOf('en-AU').emergency.said}"`);
    expect(textOf(said.ssml)).toBe('000');
  });

  it('every other number is read digit by digit', () => {
    for (const locale of LOCALES.filter((l) => !numbersOf(l).emergency.said)) {
      expect(createVoice(packedSpeech, locale).emergencyNumber().ssml).toMatch(/^<say-as interpret-as="digits">\d+<\/say-as>$/);
    }
  });
});

describe('where the information comes from', () => {
  it.each(ABROAD)('%s: a new listener hears once that it comes from a UK charity', async (locale) => {
    const c = conversation({ locale });
    const note = content.locales[locale].welcomeNote as string;
    expect(note).toMatch(/UK charity/);
    expect((await c.launch()).text).toContain(note);
    expect((await c.intent('SymptomsIntent')).text).not.toContain(note);
  });

  // Found by a review: a listener who asks straight out ("ask bone secondaries guide what are the treatments") never
  // hears the welcome, and was never told, though skill.json says the skill tells them when they first use it.
  it.each(ABROAD)('%s: a new listener who asks straight out hears it once, with the first answer', async (locale) => {
    const c = conversation({ locale });
    const note = content.locales[locale].welcomeNote as string;
    const first = await c.intent('TreatmentsIntent');
    expect(first.text).toContain(note);
    expect(count(first.text + (await c.intent('SymptomsIntent')).text, note)).toBe(1);
  });

  it.each(ABROAD)('%s: at the slowest pace the longer welcome still fits one turn; the disclaimer waits for the first answer', async (locale) => {
    const c = conversation({ locale });
    for (let i = 0; i < 4; i++) await c.intent('SpeakSlowerIntent');
    // A welcome at the slowest pace, as a listener who set it hears it; the harness fails a turn over 40 seconds.
    const welcome = await c.launch();
    expect(welcome.text).toContain(content.locales[locale].welcomeNote);
    const first = await c.intent('SymptomsIntent');
    expect(count(welcome.text + first.text, localised(locale, uiText('disclaimer')))).toBe(1);
  });

  // Found by a review: the welcome said again at a slower pace (slower, then yes) took 46 seconds: the disclaimer that
  // waits when a welcome would not fit was only left out the first time.
  it.each(ABROAD)('%s: the welcome said again at a slower pace still fits one turn', async (locale) => {
    const c = conversation({ locale });
    await c.intent('SpeakSlowerIntent');
    await c.launch();
    await c.intent('SpeakSlowerIntent');
    await c.intent('AMAZON.YesIntent');
    for (let i = 0; i < 2; i++) await c.intent('AMAZON.RepeatIntent');
  });

  it('en-GB listeners hear no such note: the charity is theirs', async () => {
    const text = (await conversation({ locale: 'en-GB' }).launch()).text;
    expect(text).not.toMatch(/UK charity/);
  });

  /** The whole support answer, in as many turns as it takes ("more?" then "yes"), and its card. */
  async function supportAnswer(locale: string): Promise<{ text: string; card: string }> {
    const c = conversation({ locale });
    const first = await c.intent('SupportIntent');
    const texts = [first.text];
    while (texts[texts.length - 1].endsWith(uiText('moreQuestion'))) texts.push((await c.intent('AMAZON.YesIntent')).text);
    return { text: texts.join(' '), card: first.card?.type === 'Simple' ? (first.card.content ?? '') : '' };
  }

  it.each(ABROAD)('%s: Macmillan is never offered as a service there, and no support line is invented', async (locale) => {
    const { text, card } = await supportAnswer(locale);
    expect(numbersOf(locale).support).toBeUndefined();
    expect(text).toContain(content.locales[locale].wording['Macmillan Cancer Support is also here to support you.']);
    expect(text).not.toContain('is also here to support you');
    expect(text).not.toContain(uiText('supportLine', { name: '', number: '', hours: '' }).split(' the ')[0]);
    expect(card).not.toMatch(/\d{3}/);
  });

  it('en-GB still gets the Macmillan Support Line', async () => {
    const support = numbersOf('en-GB').support as { name: string; number: string; hours: string };
    const { text, card } = await supportAnswer('en-GB');
    expect(text).toContain(uiText('supportLine', lineHeard(support)));
    expect(card).toContain(support.number);
  });
});

describe('the page\u2019s words, said the way that is true there', () => {
  const afterTreatment = async (locale: string) => await conversation({ locale }).intent('AfterTreatmentIntent');

  it.each(LOCALES)('%s: "GP" and "specialist nurse" as the locale says them', async (locale) => {
    const { wording } = content.locales[locale];
    const answer = await afterTreatment(locale);
    const gp = wording.GP ?? 'G P';
    expect(answer.text).toContain(`specialist team or ${gp} will`);
    if (wording['specialist nurse']) expect(answer.text).not.toContain('specialist nurse');
    else expect(answer.text).toContain('specialist nurse');
  });

  it('spelling follows the locale on the card: tumor in en-US, tumour in en-CA, organize in both', async () => {
    const card = async (locale: string, intent: string) => {
      const answer = await conversation({ locale }).intent(intent);
      return answer.card?.type === 'Simple' ? (answer.card.content ?? '') : '';
    };
    expect(await card('en-US', 'WhatIsItIntent')).toContain('primary tumor');
    expect(await card('en-CA', 'WhatIsItIntent')).toContain('primary tumour');
    expect(await card('en-GB', 'WhatIsItIntent')).toContain('primary tumour');
    for (const locale of ['en-US', 'en-CA']) expect(await card(locale, 'AfterTreatmentIntent')).toContain('will organize regular check-ups');
    expect(await card('en-GB', 'AfterTreatmentIntent')).toContain('will organise regular check-ups');
  });

  it('the medical facts are the same everywhere: only the listed words differ', async () => {
    // After the welcome, so that no new listener's note (which differs by locale, and waits for room) is in the answer.
    const answerAfterWelcome = async (locale: string) => {
      const c = conversation({ locale });
      await c.launch();
      return (await c.intent('AfterTreatmentIntent')).text;
    };
    const gb = await answerAfterWelcome('en-GB');
    for (const locale of ABROAD) {
      const { wording, spelling } = content.locales[locale];
      const changes = { ...wording, ...spelling };
      expect(Object.keys(changes).length).toBeGreaterThan(0);
      expect(await answerAfterWelcome(locale)).toBe(localised(locale, gb));
    }
  });
});

describe('pronunciation', () => {
  const phonemes = (locale: string) => textsOfLocale(locale).flatMap((ssml) => [...ssml.matchAll(/ph="([^"]*)"/g)].map((m) => m[1]));
  /** Every fragment a locale's voice says: each entry's sentences, names and questions. */
  function textsOfLocale(locale: string): string[] {
    const voice = createVoice(packedSpeech, locale);
    return Object.keys(packedSpeech.entries).flatMap((id) => {
      const entry = voice.entry(id);
      return [entry.name, ...entry.sentences, entry.question, entry.intro].filter((s) => s !== undefined).map((s) => s.ssml);
    });
  }

  it('every British-only vowel in the lexicon (ɒ, əʊ) has a North American form', () => {
    const missing = content.lexicon.filter((e) => e.ipa && /ɒ|əʊ/.test(e.ipa) && !e.usIpa).map((e) => e.written);
    expect(missing).toEqual([]);
  });

  it.each(['en-US', 'en-CA'])('%s says the lexicon words with North American vowels', (locale) => {
    const said = phonemes(locale);
    expect(said.length).toBeGreaterThan(5);
    expect(said.filter((ph) => /ɒ|əʊ/.test(ph))).toEqual([]);
    expect(said).toEqual(expect.arrayContaining(content.lexicon.filter((e) => e.usIpa).slice(0, 3).map((e) => e.usIpa)));
  });

  it.each(['en-GB', 'en-AU', 'en-IN'])('%s keeps the British forms', (locale) => {
    expect(phonemes(locale)).toEqual(expect.arrayContaining(content.lexicon.filter((e) => e.usIpa).map((e) => e.ipa)));
  });
});

describe('a locale the skill does not serve', () => {
  it.each(['de-DE', 'fr-FR', 'ja-JP', 'es-US'])('%s: an English answer that says so, and the session ends', async (locale) => {
    const answer = await conversation({ locale }).launch();
    expect(answer.text).toBe(uiText('unsupportedLocale'));
    expect(answer.endSession).toBe(true);
  });
});

describe('every locale answers every topic with valid speech', () => {
  const intents = ['WhatIsItIntent', 'SymptomsIntent', 'TestsIntent', 'TreatmentsIntent', 'DiagnosisIntent', 'AboutIntent', 'TreatmentTeamIntent', 'SymptomReliefIntent', 'AffectedBonesIntent', 'MyelomaIntent'];
  it.each(ABROAD)('%s', async (locale) => {
    const c = conversation({ locale });
    await c.launch();
    for (const intent of intents) {
      const answer = await c.intent(intent);
      expect(answer.endSession).toBe(false);
      expect(joined(answer.text).length).toBeGreaterThan(20);
    }
    await c.intent('TreatmentDetailIntent', { treatment: { value: 'bisphosphonates', id: 'bisphosphonates' } });
  });
});

describe('the editorial log (content/CHANGES.md)', () => {
  const log = readFileSync(resolve(__dirname, '../../content/CHANGES.md'), 'utf8');

  it.each(LOCALES)('%s: logs every number from outside the page, with the source its table records', (locale) => {
    const { emergency, crisis, urgent, support } = numbersOf(locale);
    for (const line of [emergency, crisis, urgent, support]) {
      if (!line) continue;
      expect(log).toContain(line.number);
      expect(log).toContain(line.source);
    }
  });

  it.each(ABROAD)('%s: logs every word it says differently from the page', (locale) => {
    const { wording, spelling } = content.locales[locale];
    for (const [from, to] of Object.entries({ ...wording, ...spelling })) {
      expect(log).toContain(from);
      expect(log).toContain(to);
    }
  });
});
