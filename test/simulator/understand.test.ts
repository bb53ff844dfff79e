/**
 * The simulator understands what a listener types through a classifier trained on the interaction model
 * alone, fills slots as Alexa's entity resolution would, and keeps what matches nothing out.
 */
import { BUILT_IN_PHRASES } from '../../tools/simulator/built-ins';
import { loadInteractionModel } from '../../tools/simulator/interaction-model';
import { createUnderstander, normalise, type Understander, type Understood } from '../../tools/simulator/understand';

const model = loadInteractionModel('en-GB');
let understander: Understander;
beforeAll(async () => {
  understander = await createUnderstander(model, BUILT_IN_PHRASES);
});
const intentOf = (u: Understood) => (u.kind === 'intent' ? u.intent : 'AMAZON.FallbackIntent');
const slotIds = (u: Understood) => (u.kind === 'intent' ? Object.fromEntries(u.slots.map((s) => [s.name, s.id ?? '?'])) : {});
const understand = (said: string) => understander.understand(said);

/** Every sample of the model, with each slot filled by a value of its type, taken in turn. */
const samples = model.intents.flatMap((intent) =>
  intent.samples.map((sample, n) => {
    const filled = sample.replace(/\{(\w+)\}/g, (_, name: string) => {
      const values = model.slotTypes[intent.slots.find((s) => s.name === name)?.type ?? ''];
      return values[n % values.length].name;
    });
    return [intent.name, filled] as const;
  }),
);

describe('understanding from the interaction model', () => {
  it('understands the samples of the model as their own intents', async () => {
    const wrong: string[] = [];
    for (const [intent, said] of samples) {
      const got = intentOf(await understand(said));
      if (got !== intent) wrong.push(`${said} → ${got} (want ${intent})`);
    }
    expect(samples.length).toBeGreaterThan(2000);
    // A statistical classifier need not learn every training sentence; it must learn nearly all of them.
    expect(wrong.length / samples.length).toBeLessThan(0.01);
  });

  it('resolves every slot value and synonym to its id, as entity resolution would', async () => {
    const wrong: string[] = [];
    // "Tell me about …" asks for the item itself: the drill-down intents (not the honest ones, which share their slots).
    for (const intent of model.intents.filter((i) => i.name === 'TestDetailIntent' || i.name === 'TreatmentDetailIntent')) {
      const slot = intent.slots[0];
      for (const value of model.slotTypes[slot.type]) {
        for (const phrase of [value.name, ...value.synonyms]) {
          const heard = await understand(`tell me about ${phrase}`);
          if (intentOf(heard) !== intent.name || slotIds(heard)[slot.name] !== value.id) wrong.push(`"${phrase}" → ${intentOf(heard)} ${JSON.stringify(slotIds(heard))} (want ${value.id})`);
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
    ['word order', 'the symptoms, what are they', 'SymptomsIntent'],
    ['one keyword', 'myeloma', 'MyelomaIntent'],
    ['a carer asking for someone', 'how is my husband diagnosed', 'DiagnosisIntent'],
  ])('forgives %s: "%s"', async (_what, said, intent) => {
    expect(intentOf(await understand(said))).toBe(intent);
  });

  // With a slot-only sample ("{test}") Alexa captures a lone topic word as an unknown test; the model has none,
  // so the word reaches its own topic.
  it.each([
    ['diagnosis', 'DiagnosisIntent'],
    ['support', 'SupportIntent'],
    ['symptoms', 'SymptomsIntent'],
    ['treatments', 'TreatmentsIntent'],
    ['causes', 'CausesIntent'],
    ['myeloma', 'MyelomaIntent'],
  ])('a topic said alone reaches its topic, not a slot: "%s"', async (said, intent) => {
    const heard = await understand(said);
    expect(intentOf(heard)).toBe(intent);
    expect(slotIds(heard)).toEqual({});
  });

  it.each([
    ['the bone scan', 'TestDetailIntent', { test: 'bone-scan' }],
    ['what does an M.R.I. show', 'TestDetailIntent', { test: 'mri-scan' }],
    ['what does an M. R. I. show', 'TestDetailIntent', { test: 'mri-scan' }],
    ['x-ray', 'TestDetailIntent', { test: 'bone-x-rays' }],
    ["what's chemo", 'TreatmentDetailIntent', { treatment: 'chemotherapy' }],
    ['will I need an operation', 'TreatmentDetailIntent', { treatment: 'surgery' }],
    ['the second one', 'ChooseItemIntent', { position: '2' }],
    ['tell me about the magic beans', 'TestDetailIntent', { test: '?' }],
    ['what is a dexa scan', 'TestDetailIntent', { test: '?' }],
  ])('finds slots: "%s"', async (said, intent, slots) => {
    const heard = await understand(said);
    expect(intentOf(heard)).toBe(intent);
    expect(slotIds(heard)).toEqual(slots);
  });

  it('keeps the words a listener said for an unknown slot value', async () => {
    const heard = await understand('tell me about the magic beans');
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
  ])('knows the built-in phrase "%s"', async (said, intent) => {
    expect(intentOf(await understand(said))).toBe(intent);
  });

  // "what day is it" shares "day" with crises ("I can't face another day"), and was heard as one.
  it.each(['asdf qwerty', 'play some music', 'set a timer for ten minutes', 'order a pizza', 'turn on the lights', 'what is the weather like tomorrow', 'what day of the week is it', 'what day is it tomorrow', "what's the date today", 'the', ''])(
    'sends what matches nothing to the fallback: "%s"',
    async (said) => {
      expect(intentOf(await understand(said))).toBe('AMAZON.FallbackIntent');
    },
  );
});

describe('understands what was said about someone else', () => {
  it.each(["he's just keeled over", 'he just keeled over', "my dad's collapsed in the kitchen", 'she collapsed in the garden', 'my husband collapsed in the driveway', 'can you talk more slowly'])('"%s"', async (said) => {
    expect(intentOf(await understand(said))).toBe(said.includes('slowly') ? 'SpeakSlowerIntent' : 'EmergencyIntent');
  });
});

/**
 * Confusion is a red flag (high calcium), and people say it in words about the time: "what day it is". Those words are
 * also the out-of-domain requests' ("what day is it"), which must not win over an emergency.
 */
// From the seventh blind round: said plainly, in the spoken form speech recognition writes.
describe('hears a plain threat of suicide as a crisis', () => {
  it.each(["i'm gonna kill myself", 'i am gonna kill myself', "he's gonna kill himself"])('"%s"', async (said) => {
    expect(intentOf(await understand(said))).toBe('CrisisIntent');
  });
});

/**
 * An exclamation ("oh god", "gosh") or a filler ("actually") says nothing about what is asked, so it must not lower
 * how much of the utterance the model is judged to know: "oh god my wife's legs just buckled under her" fell below the
 * threshold once, and "what can they actually do for it" was not understood though "what can they do for it" is a sample.
 */
describe('an exclamation or a filler changes nothing', () => {
  const plain = ["my wife's legs just buckled under her", 'what are the symptoms', 'which bones does it affect'];
  it.each([
    ...plain.flatMap((said) => [`oh god ${said}`, `gosh ${said}`, `oh my goodness ${said}`].map((exclaimed) => [exclaimed, said])),
    ['what can they actually do for it', 'what can they do for it'],
    ['which bones does it basically affect', 'which bones does it affect'],
  ])('"%s" is heard as "%s"', async (said, plainly) => {
    const [heard, expected] = await Promise.all([understand(said), understand(plainly)]);
    expect(intentOf(heard)).toBe(intentOf(expected));
    expect(heard.score).toBeCloseTo(expected.score, 5);
  });
});

/**
 * The family a carer names in other locales' English (Indian English's "nani" and "dadi", "mommy", "granny") is who it
 * is about, as "my mum" is: before, "nani has become unconscious" was not understood, because "nani" was a word no
 * sample uses (the tenth blind round).
 */
describe('a relative named in any locale\'s words is who it is about, never the question', () => {
  const plain = ['has become unconscious', 'keeps saying god should take her now'];
  it.each(
    ['nani', 'nana', 'dadi', 'dada', 'amma', 'appa', 'mommy', 'granny'].flatMap((kin) => plain.map((said) => [`${kin} ${said}`, `she ${said}`])),
  )('"%s" is heard as "%s"', async (said, plainly) => {
    const [heard, expected] = await Promise.all([understand(said), understand(plainly)]);
    expect(intentOf(heard)).toBe(intentOf(expected));
    expect(heard.score).toBeCloseTo(expected.score, 5);
  });
});

/**
 * A long sentence that is nearly a sample, with a clause more, is heard as that sample is: the classifier, which adds
 * up a weight for every word, was swayed by one clause ("doesn't even notice" heard as a crisis). A short request is
 * still the classifier's to judge ("should i say yes to the operation" is not "yes").
 */
describe('a long sentence close to a sample is heard as that sample is, whatever a clause more adds', () => {
  it.each([
    ["my dad is wetting himself and doesn't even notice it's new as of this morning", 'EmergencyIntent'],
    ['should i say yes to the operation', 'TreatmentDecisionIntent'],
  ])('"%s"', async (said, intent) => {
    expect(intentOf(await understand(said))).toBe(intent);
  });
});

/**
 * "Little" is a degree word, as "too" is: "speak little fast" (Indian English) asks for faster speech, though "fast"
 * alone is said in "too fast"; "a little slowly" asks for slower.
 */
describe('hears "little" with the word after it', () => {
  it.each([
    ['speak little fast', 'SpeakFasterIntent'],
    ['please speak little fast', 'SpeakFasterIntent'],
    ['speak little slowly', 'SpeakSlowerIntent'],
    ['a little slower please', 'SpeakSlowerIntent'],
    ["that's too fast", 'SpeakSlowerIntent'],
    ["you're too slow", 'SpeakFasterIntent'],
  ])('"%s"', async (said, intent) => {
    expect(intentOf(await understand(said))).toBe(intent);
  });
});

describe('hears confusion about the time or the day as an emergency, not as a request for the time', () => {
  it.each([
    "my mum doesn't know what day it is anymore",
    "he keeps asking what time it is and he's confused",
    "he doesn't know who i am or what day it is",
    'my wife is too confused to tell the time',
    "dad doesn't know what month it is",
  ])('"%s"', async (said) => {
    expect(intentOf(await understand(said))).toBe('EmergencyIntent');
  });
});

describe('normalise', () => {
  it('expands contractions, drops punctuation and hyphens, keeps words', () => {
    expect(normalise("What's an X-ray? I'm   worried!")).toBe('what is an x ray i am worried');
  });

  it('reads "he\'s" as "he has" before a past participle and as "he is" otherwise', () => {
    expect(normalise("he's just keeled over")).toBe('he has just keeled over');
    expect(normalise("she's fallen in the kitchen")).toBe('she has fallen in the kitchen');
    expect(normalise("it's been a week")).toBe('it has been a week');
    expect(normalise("she's confused")).toBe('she is confused');
    expect(normalise("he's in agony")).toBe('he is in agony');
  });

  // From the sixth blind round: "my dad's collapsed in the kitchen" was not understood; after a name, "'s" before a
  // past participle is "has" too, and a possessive ("my dad's legs") stays apart.
  it('reads "my dad\'s" as "my dad has" before a past participle, as it does "he\'s"', () => {
    expect(normalise("my dad's collapsed in the kitchen")).toBe('my dad has collapsed in the kitchen');
    expect(normalise("mum's just passed out")).toBe('mum has just passed out');
    expect(normalise("my dad's legs are numb")).toBe('my dad s legs are numb');
  });

  // From the eighth point-first round: "my dad's x ray was clear" lost its test, the possessive's "s" and the "x" of
  // "x ray" being read as one initialism ("sx"). A possessive is never a letter of an initialism.
  it('keeps a possessive "s" out of the initialism after it: "my dad\'s x ray" names the x-ray', async () => {
    expect(normalise("my dad's x ray was clear")).toBe('my dad s x ray was clear');
    expect(normalise("mum's m r i scan")).toBe('mum s mri scan');
    const heard = await understander.understand("my dad's x ray was clear does that mean there's no cancer in the bone");
    expect(heard.kind === 'intent' && heard.slots.map((s) => s.id)).toEqual(['bone-x-rays']);
  });

  // From the seventh blind round: "i'm gonna kill myself" was heard as a prognosis question, though "i'm going to kill
  // myself" was a crisis. Speech recognition writes the spoken forms; they mean the written ones.
  it('reads "gonna", "wanna" and "gotta" as "going to", "want to" and "got to"', () => {
    expect(normalise("I'm gonna kill myself")).toBe('i am going to kill myself');
    expect(normalise('i just wanna die')).toBe('i just want to die');
    expect(normalise('do i gotta call nine one one')).toBe('do i got to call nine one one');
  });

  // Found by trying the skill as a new user: "should I call 999", typed, was not understood, though "nine nine nine"
  // was. Samples are written in words; a typed number is read as it would be said.
  it('reads a typed number as said: a phone number digit by digit, a small number as a word, an ordinal as it is', () => {
    expect(normalise('should I call 999')).toBe('should i call nine nine nine');
    expect(normalise('is 111 or 000 free')).toBe('is one one one or zero zero zero free');
    expect(normalise('number 12, or 5')).toBe('number twelve or five');
    expect(normalise('the 8th one')).toBe('the 8th one');
  });

  it('joins a spelled-out initialism and leaves the words "a" and "I" alone', () => {
    expect(normalise('an M. R. I. or a C T scan, I think')).toBe('an mri or a ct scan i think');
  });
});

describe('what a question names and what it is about', () => {
  // From the point-first tuning sets: "how does an mri scan make a picture of your body" was "Sorry, I didn't catch
  // that", the classifier being unsure of the rest. A test or treatment named in a question is what it asks about, as a
  // slot value steers Alexa's model; a list position said in passing ("last night") is not.
  it('sends a question that names a test or treatment, and that nothing else places, to that test or treatment', async () => {
    expect(await understand('how does an mri scan make a picture of your body')).toMatchObject({ kind: 'intent', intent: 'TestDetailIntent', slots: [{ id: 'mri-scan' }] });
    expect(await understand("my brother asked about the immunotherapy he saw on the news would that be something they'd use for him")).toMatchObject({ kind: 'intent', intent: 'TreatmentDetailIntent', slots: [{ id: 'immunotherapy' }] });
    expect((await understand('who won the match last night')).kind).toBe('fallback');
    // Not when most of its words are ones no sample uses: that is about something else.
    expect((await understand('my dog had an x ray at the vet')).kind).toBe('fallback');
  });

  // From the tenth point-first tuning set: "she finished treatment last week will she still have tests" was heard as
  // choosing the last item of a list ("I'm not reading a list just now"). "Last" before a time says when.
  it('hears "last week" and "the first time" as when, and "the last one" as a choice', async () => {
    expect(await understand('she finished treatment last week will she still have tests')).toMatchObject({ kind: 'intent', intent: 'AfterTreatmentIntent' });
    expect(await understand('what about the last one then')).toMatchObject({ kind: 'intent', intent: 'ChooseItemIntent', slots: [{ id: 'last' }] });
  });

  // From the ninth point-first tuning set: "whereabouts is the humerus" was not understood, "whereabouts" being a word
  // no sample uses. A question word, a time of day or a duration says nothing of the topic, like "where" or "today".
  it('counts "whereabouts", "this afternoon" and "for ten minutes" as words that carry no topic', async () => {
    expect(await understand('whereabouts is the humerus')).toMatchObject({ kind: 'intent', intent: 'AffectedBonesIntent' });
    expect(await understand("what are they looking for in her blood test this afternoon")).toMatchObject({ kind: 'intent', intent: 'TestDetailIntent' });
    // From the twelfth blind round, unread: an emergency said with how long was not understood.
    expect(await understand("mum can't stand up she's been stuck on the landing for ten minutes")).toMatchObject({ kind: 'intent', intent: 'EmergencyIntent' });
  });

  // From the eleventh blind round: "he's been vomiting all afternoon" was not understood (the classifier heard "all"
  // and chose "read them all"). An intent none of whose samples says a topic word of the request loses to one whose
  // samples do, if that one is likely enough; grammar alone still decides where nothing topical is, if it is sure.
  it('prefers an intent whose samples say the topic of the request over one chosen for its grammar', async () => {
    expect(await understand("he's been vomiting all afternoon")).toMatchObject({ kind: 'intent', intent: 'EmergencyIntent' });
    expect(await understand('read them all out loud')).toMatchObject({ kind: 'intent', intent: 'ReadAllIntent' });
    // Chosen for its grammar and not sure enough of it: never "read them all".
    expect(await understand("he's been vomiting all afternoon nonstop")).not.toMatchObject({ intent: 'ReadAllIntent' });
    expect(await understand('what kinds of things can you tell me')).toMatchObject({ kind: 'intent', intent: 'TopicsIntent' });
    expect(await understand("where's this info from")).toMatchObject({ kind: 'intent', intent: 'AboutIntent' });
  });

  // From the eleventh point-first tuning set: "will i be able to have the denosumab injection at home" was heard as
  // "go home" and the skill said goodbye. A request that names a test or treatment asks about it; it is never a
  // control of the skill (Alexa's built-ins have no slots).
  it('never hears a question that names a test or treatment as a built-in control', async () => {
    expect(await understand('will i be able to have the denosumab injection at home')).toMatchObject({ kind: 'intent', intent: 'TreatmentDetailIntent', slots: [{ id: 'denosumab' }] });
    expect(await understand('can i have my chemo at home')).not.toMatchObject({ intent: 'AMAZON.NavigateHomeIntent' });
    expect(await understand('go home')).toMatchObject({ kind: 'intent', intent: 'AMAZON.NavigateHomeIntent' });
    expect(await understand('stop')).toMatchObject({ kind: 'intent', intent: 'AMAZON.StopIntent' });
  });
});
