/**
 * The simulator understands what a listener types through the interaction model alone, and forgives
 * what a listener would expect it to forgive.
 */
import { BUILT_IN_PHRASES } from '../../tools/simulator/built-ins';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';
import { createUnderstander, normalise, type Understood } from '../../tools/simulator/understand';

const model = loadInteractionModel('en-GB');
const understander = createUnderstander(model, BUILT_IN_PHRASES);
const intentOf = (u: Understood) => (u.kind === 'intent' ? u.intent : 'AMAZON.FallbackIntent');
const slotIds = (u: Understood) => (u.kind === 'intent' ? Object.fromEntries(u.slots.map((s) => [s.name, s.id ?? '?'])) : {});

/** Every sample of the model, with each slot filled by the first value of its type. */
const samples = model.intents.flatMap((intent) =>
  intent.samples.map((sample) => {
    const filled = sample.replace(/\{(\w+)\}/g, (_, name: string) => {
      const type = intent.slots.find((s) => s.name === name)?.type ?? '';
      return model.slotTypes[type][0].name;
    });
    return [intent.name, filled] as const;
  }),
);

describe('understanding from the interaction model', () => {
  it('understands every sample utterance of the model as its own intent', () => {
    const wrong = samples.filter(([intent, said]) => intentOf(understander.understand(said)) !== intent).map(([intent, said]) => `${said} → ${intentOf(understander.understand(said))} (want ${intent})`);
    expect(samples.length).toBeGreaterThan(400);
    expect(wrong).toEqual([]);
  });

  it('resolves every slot value and synonym to its id, as entity resolution would', () => {
    const detail = model.intents.filter((i) => i.slots.length === 1);
    const wrong: string[] = [];
    for (const intent of detail) {
      const slot = intent.slots[0];
      for (const value of model.slotTypes[slot.type]) {
        for (const phrase of [value.name, ...value.synonyms]) {
          const heard = understander.understand(`tell me about ${phrase}`);
          if (slotIds(heard)[slot.name] !== value.id) wrong.push(`"${phrase}" → ${JSON.stringify(slotIds(heard))} (want ${value.id})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['case and punctuation', 'WHAT ARE THE SYMPTOMS???', 'SymptomsIntent'],
    ['contractions', "what's myeloma", 'MyelomaIntent'],
    ['curly apostrophes', 'what’s myeloma', 'MyelomaIntent'],
    ['contractions typed without apostrophes', 'i cant walk', 'EmergencyIntent'],
    ['filler words', 'um, er, what are the symptoms please', 'SymptomsIntent'],
    ['a polite preamble', 'can you tell me what causes secondary bone cancer', 'CausesIntent'],
    ['articles', 'what are symptoms', 'SymptomsIntent'],
    ['word order', 'the symptoms, what are they', 'SymptomsIntent'],
    ['a plural', 'what is the symptom', 'SymptomsIntent'],
    ['one keyword', 'myeloma', 'MyelomaIntent'],
    ['a carer asking for someone', 'how is my husband diagnosed', 'DiagnosisIntent'],
  ])('forgives %s: "%s"', (_what, said, intent) => {
    expect(intentOf(understander.understand(said))).toBe(intent);
  });

  it.each([
    ['the bone scan', 'TestDetailIntent', { test: 'bone-scan' }],
    ['what does an M.R.I. show', 'TestDetailIntent', { test: 'mri-scan' }],
    ['x-ray', 'TestDetailIntent', { test: 'bone-x-rays' }],
    ["what's chemo", 'TreatmentDetailIntent', { treatment: 'chemotherapy' }],
    ['will I need an operation', 'TreatmentDetailIntent', { treatment: 'surgery' }],
    ['tell me about magic beans', 'TestDetailIntent', { test: '?' }],
    ['what is a dexa scan', 'TestDetailIntent', { test: '?' }],
  ])('finds slots: "%s"', (said, intent, slots) => {
    const heard = understander.understand(said);
    expect(intentOf(heard)).toBe(intent);
    expect(slotIds(heard)).toEqual(slots);
  });

  it('keeps the words a listener said for an unknown slot value, unstemmed', () => {
    const heard = understander.understand('tell me about magic beans');
    expect(heard.kind === 'intent' && heard.slots[0].value).toBe('magic beans');
  });

  it.each([
    ['yes', 'AMAZON.YesIntent'],
    ['yeah', 'AMAZON.YesIntent'],
    ['no thanks', 'AMAZON.NoIntent'],
    ['say that again', 'AMAZON.RepeatIntent'],
    ['stop', 'AMAZON.StopIntent'],
    ['cancel', 'AMAZON.CancelIntent'],
    ['help', 'AMAZON.HelpIntent'],
    ['next', 'AMAZON.NextIntent'],
    ['more', 'AMAZON.NextIntent'],
    ['go back', 'AMAZON.PreviousIntent'],
    ['start over', 'AMAZON.StartOverIntent'],
  ])('knows the built-in phrase "%s"', (said, intent) => {
    expect(intentOf(understander.understand(said))).toBe(intent);
  });

  it.each(['asdf qwerty', 'play some music', 'set a timer for ten minutes', 'order a pizza', 'turn on the lights', 'bone', 'the', ''])(
    'sends what matches nothing to the fallback: "%s"',
    (said) => {
      expect(intentOf(understander.understand(said))).toBe('AMAZON.FallbackIntent');
    },
  );
});

describe('normalise', () => {
  it('expands contractions, drops punctuation and hyphens, keeps words', () => {
    expect(normalise("What's an X-ray? I'm   worried!")).toBe('what is an x ray i am worried');
  });
});
