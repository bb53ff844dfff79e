/**
 * The interaction-model linter finds each kind of problem in a small model made to have it, names the intent
 * and the sample, and stays quiet once the model is fixed. The real model is checked elsewhere.
 */
import { formatProblems, lintModel, type LintOptions } from '../../tools/model/lint';

interface IntentSpec {
  name: string;
  samples?: string[];
  /** slot name → slot type */
  slots?: Record<string, string>;
}
/** slot type → value → synonyms */
type TypeSpec = Record<string, Record<string, string[]>>;

const TYPES: TypeSpec = {
  TestType: { 'bone scan': ['bone scans', 'a bone scan'], 'CT scan': ['CT', 'C. T. scan'] },
  TreatmentType: { chemotherapy: ['chemo'], surgery: ['an operation'] },
};

function modelOf(intents: IntentSpec[], types: TypeSpec = TYPES, invocationName = 'test guide'): unknown {
  return {
    interactionModel: {
      languageModel: {
        invocationName,
        intents: intents.map((i) => ({
          name: i.name,
          slots: Object.entries(i.slots ?? {}).map(([name, type]) => ({ name, type })),
          samples: i.samples ?? [],
        })),
        types: Object.entries(types).map(([name, values]) => ({
          name,
          values: Object.entries(values).map(([value, synonyms]) => ({ id: value, name: { value, synonyms } })),
        })),
      },
    },
  };
}

/** The formatted problems of one rule. */
function found(rule: string, model: unknown, options: LintOptions = {}): string[] {
  const problems = lintModel(model, options).filter((p) => p.rule === rule);
  return problems.length === 0 ? [] : formatProblems(problems).split('\n');
}

/** Each line names the rule, the intent (or slot type) and the sample, as `rule: intent: "sample"`. */
const named = (rule: string, intent: string, sample?: string): string => (sample === undefined ? `${rule}: ${intent} — ` : `${rule}: ${intent}: "${sample}" — `);

function expectNamed(lines: string[], rule: string, intent: string, sample?: string): void {
  expect(lines.filter((line) => line.startsWith(named(rule, intent, sample)))).not.toEqual([]);
}

describe('characters', () => {
  const withSample = (sample: string): unknown =>
    modelOf([{ name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: [sample, 'tell me about {test}'] }]);

  it.each([
    ['a question mark', 'what is it?', '"?"'],
    ['a comma', 'well, what is it', '","'],
    ['a numeral', 'tell me about 5 scans', 'spell numbers out'],
    ['a curly apostrophe', 'what’s a {test}', 'straight apostrophe'],
    ['a stray apostrophe', "what 'is' a {test}", 'apostrophe'],
    ['a dangling hyphen', 'what is a - {test}', 'hyphen'],
    ['a full stop', 'what is a {test}.', 'period'],
    ['an abbreviation that is not an initialism', 'ask the dr. about {test}', 'period'],
    ['an underscore', 'what_is a {test}', '"_"'],
    ['an undeclared slot', 'what is a {scan}', '{scan}, which is not a slot of TestDetailIntent'],
    ['an empty slot reference', 'what is a {}', 'empty slot reference'],
    ['a slot name with a space', 'what is a {my test}', 'with a space'],
    ['unbalanced braces', 'what is a {test', 'unbalanced braces'],
  ])('flags %s', (_what, sample, message) => {
    const lines = found('characters', withSample(sample));
    expectNamed(lines, 'characters', 'TestDetailIntent', sample);
    expect(lines.join('\n')).toContain(message);
  });

  it.each([
    ['letters and spaces', 'what is a {test}'],
    ['contractions and possessives', "what's my G. P.'s view of a {test}"],
    ['a plural possessive', "the nurses' view of a {test}"],
    ['a hyphenated word', 'an x-ray or a {test}'],
    ['numbers spelled out', 'tell me about five {test}'],
    ['an initialism with periods and spaces', 'is a C. T. a {test}'],
  ])('accepts %s', (_what, sample) => {
    expect(found('characters', withSample(sample))).toEqual([]);
  });

  it('flags a declared slot that no sample uses, and passes once a sample uses it', () => {
    const unused = modelOf([{ name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['what is a scan'] }]);
    expectNamed(found('characters', unused), 'characters', 'TestDetailIntent');
    expect(found('characters', unused).join('\n')).toContain('{test} is declared but no sample uses it');
    const used = modelOf([{ name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['what is a scan', 'what is a {test}'] }]);
    expect(found('characters', used)).toEqual([]);
  });

  it('flags a slot whose custom type the model does not define', () => {
    const lines = found('characters', modelOf([{ name: 'ScanIntent', slots: { scan: 'ScanType' }, samples: ['what is a {scan}'] }]));
    expect(lines.join('\n')).toContain('ScanType, which the model does not define');
  });

  it('flags slot values and synonyms with characters Alexa does not accept, naming the slot type', () => {
    const intents = [{ name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['what is a {test}'] }];
    const broken = found('characters', modelOf(intents, { TestType: { 'bone scan!': ['scan (bone)'] } }));
    expectNamed(broken, 'characters', 'TestType', 'bone scan!');
    expectNamed(broken, 'characters', 'TestType', 'scan (bone)');
    // Slot values are written as Alexa sends them, so numerals may stay ("fire h. d. 7" in Amazon's example).
    expect(found('characters', modelOf(intents, { TestType: { 'bone scan': ['scan of the bone', 'x-ray', '1st scan'] } }))).toEqual([]);
  });
});

describe('duplicate', () => {
  it('flags the same sample twice in one intent, ignoring case and spacing', () => {
    const lines = found('duplicate', modelOf([{ name: 'WhatIsItIntent', samples: ['what is it', 'What  is it'] }]));
    expectNamed(lines, 'duplicate', 'WhatIsItIntent', 'What  is it');
    expect(found('duplicate', modelOf([{ name: 'WhatIsItIntent', samples: ['what is it', 'what is that'] }]))).toEqual([]);
  });

  it('flags one sample in two intents, comparing slots by their type', () => {
    const clash = modelOf([
      { name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['tell me about {test}'] },
      { name: 'ScanDetailIntent', slots: { scan: 'TestType' }, samples: ['tell me about {scan}'] },
    ]);
    expect(found('duplicate', clash)).toEqual(['duplicate: ScanDetailIntent: "tell me about {scan}" — is also a sample of TestDetailIntent: "tell me about {test}"']);
    const apart = modelOf([
      { name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['tell me about {test}'] },
      { name: 'TreatmentDetailIntent', slots: { treatment: 'TreatmentType' }, samples: ['tell me about {treatment}'] },
    ]);
    expect(found('duplicate', apart)).toEqual([]);
  });

  it('flags a synonym that sounds like a value of another value or another type', () => {
    const intents = [{ name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['what is a {test}'] }];
    const sameType = found('duplicate', modelOf(intents, { TestType: { 'bone scan': ['scan'], 'CT scan': ['scan'] } }));
    expectNamed(sameType, 'duplicate', 'TestType', 'scan');
    const twoTypes = found('duplicate', modelOf(intents, { TestType: { 'bone scan': ['scan'] }, TreatmentType: { surgery: ['bone scan'] } }));
    expectNamed(twoTypes, 'duplicate', 'TreatmentType', 'bone scan');
    // A spelling of the value itself is not a clash.
    expect(found('duplicate', modelOf(intents, { TestType: { 'PET-CT scan': ['PET CT scan'], 'bone scan': ['scan'] } }))).toEqual([]);
  });
});

describe('slot-only', () => {
  const withSample = (sample: string): unknown => modelOf([{ name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: [sample] }]);

  it.each(['{test}', 'the {test}', '{test} please', 'um the {test} please'])('flags "%s"', (sample) => {
    expect(found('slot-only', withSample(sample))).toEqual([expect.stringContaining(named('slot-only', 'TestDetailIntent', sample))]);
  });

  it.each(['tell me about the {test}', '{test} results', 'what is {test}'])('accepts "%s"', (sample) => {
    expect(found('slot-only', withSample(sample))).toEqual([]);
  });
});

describe('initialism', () => {
  const withSample = (sample: string): unknown => modelOf([{ name: 'TestsIntent', samples: [sample] }]);

  it.each([
    ['lower-case letters with spaces', 'what is a c t scan', '"CT" or "C. T."'],
    ['three letters', 'do i need an m r i', '"MRI" or "M. R. I."'],
    ['a lower-case word', 'what is an mri', '"MRI" or "M. R. I."'],
    ['a possessive', "what is my gp's number", '"GP" or "G. P."'],
    ['periods without spaces', 'what is a c.t. scan', '"CT" or "C. T."'],
    ['capitals with periods but no spaces', 'what is a C.T. scan', '"CT" or "C. T."'],
  ])('flags %s', (_what, sample, suggestion) => {
    const lines = found('initialism', withSample(sample));
    expectNamed(lines, 'initialism', 'TestsIntent', sample);
    expect(lines.join('\n')).toContain(suggestion);
  });

  it.each([
    ['capitals', 'what is a CT scan'],
    ['letters with periods and spaces', 'do i need an M. R. I.'],
    ['lower-case letters with periods and spaces', 'what is a c. t. scan'],
    ['"a and e"', 'should i go to a and e'],
    ['"x ray"', 'is an x ray safe'],
    ['"a" and "i" as words', 'can i have a scan'],
    ['a word that contains an initialism', 'is a scan of my gpu wrong'],
  ])('accepts %s', (_what, sample) => {
    expect(found('initialism', withSample(sample))).toEqual([]);
  });

  it('flags slot values and synonyms, and takes its own list of initialisms', () => {
    const intents = [{ name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['what is a {test}'] }];
    const lines = found('initialism', modelOf(intents, { TestType: { 'MRI scan': ['m r i', 'mri scan', 'M. R. I.'] } }));
    expect(lines).toHaveLength(2);
    expectNamed(lines, 'initialism', 'TestType', 'm r i');
    expectNamed(lines, 'initialism', 'TestType', 'mri scan');
    expect(found('initialism', withSample('what does the mdt do'))).not.toEqual([]);
    expect(found('initialism', withSample('what does the mdt do'), { lowerCaseInitialisms: ['ct'] })).toEqual([]);
  });
});

describe('short-form', () => {
  it('flags a custom intent with no sample of three words or fewer', () => {
    const long = modelOf([{ name: 'SymptomsIntent', samples: ['what are the symptoms of it', 'what symptoms might i get'] }]);
    expect(found('short-form', long)).toEqual([expect.stringContaining(named('short-form', 'SymptomsIntent'))]);
    const short = modelOf([{ name: 'SymptomsIntent', samples: ['what are the symptoms of it', 'the symptoms'] }]);
    expect(found('short-form', short)).toEqual([]);
  });

  it('counts a slot as one word, skips built-in intents and takes its own limit', () => {
    const model = modelOf([
      { name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['tell me about {test}', 'about the {test}'] },
      { name: 'AMAZON.HelpIntent', samples: ['what can i ask you here'] },
    ]);
    expect(found('short-form', model)).toEqual([]);
    expect(found('short-form', model, { shortFormWords: 3 })).toEqual([]);
    expect(found('short-form', model, { shortFormWords: 2 })).toEqual([expect.stringContaining(named('short-form', 'TestDetailIntent'))]);
  });
});

describe('min-samples', () => {
  it('flags a custom intent with fewer samples than asked for, not a built-in one', () => {
    const model = modelOf([
      { name: 'SymptomsIntent', samples: ['symptoms', 'what are the symptoms'] },
      { name: 'AMAZON.HelpIntent' },
    ]);
    expect(found('min-samples', model, { minSamples: 3 })).toEqual(['min-samples: SymptomsIntent — has 2 samples; at least 3 are needed']);
    expect(found('min-samples', model, { minSamples: 2 })).toEqual([]);
    expect(found('min-samples', model)).toHaveLength(1);
  });
});

describe('example-phrase', () => {
  const model = modelOf([
    { name: 'WhatIsItIntent', samples: ['what is it', "what's secondary bone cancer"] },
    { name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['tell me about {test}'] },
  ]);
  const manifestOf = (examplePhrases: string[], locale = 'en-GB'): unknown => ({ manifest: { publishingInformation: { locales: { [locale]: { examplePhrases } } } } });

  it('accepts a launch phrase first, then samples with slots filled by any value or synonym', () => {
    const manifest = manifestOf([
      'Alexa, open test guide',
      'Alexa, ask test guide to tell me about bone scans',
      'Alexa, ask Test Guide to tell me about C. T. scan',
      'Alexa, ask test guide: What is it?',
      "Alexa, ask test guide what's secondary bone cancer",
    ]);
    expect(found('example-phrase', model, { manifest })).toEqual([]);
  });

  it('flags a first phrase that does not open the skill', () => {
    const lines = found('example-phrase', model, { manifest: manifestOf(['Alexa, ask test guide what is it']) });
    expect(lines).toEqual(['example-phrase: "Alexa, ask test guide what is it" — the first example phrase must open the skill: "Alexa, open test guide"']);
  });

  it('flags a phrase that is no sample, or that does not name the skill', () => {
    const manifest = manifestOf(['Alexa, open test guide', 'Alexa, ask test guide to tell me about the weather', 'Alexa, what is it']);
    const lines = found('example-phrase', model, { manifest });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^example-phrase: "Alexa, ask test guide to tell me about the weather" — "to tell me about the weather" is not a sample/);
    expect(lines[1]).toMatch(/^example-phrase: "Alexa, what is it" — does not start "<launch word> test guide"/);
  });

  it('reads the phrases of the locale asked for', () => {
    const manifest = manifestOf(['Alexa, open test guide'], 'en-US');
    expect(found('example-phrase', model, { manifest })).toEqual(['example-phrase — skill.json has no example phrases for en-GB']);
    expect(found('example-phrase', model, { manifest, locale: 'en-US' })).toEqual([]);
  });
});

describe('built-in', () => {
  const builtInPhrases = ['stop', 'what can i say'];

  it.each(['go back to the start', 'help me', 'help me understand it', 'start over', 'the last one please', 'What can I say?'])('flags "%s" in a custom intent', (sample) => {
    const lines = found('built-in', modelOf([{ name: 'TopicsIntent', samples: [sample] }]), { builtInPhrases });
    expect(lines).toEqual([expect.stringContaining(named('built-in', 'TopicsIntent', sample))]);
  });

  it.each(['go backwards', 'helpful tips', 'what can i ask', 'the final one'])('accepts "%s"', (sample) => {
    expect(found('built-in', modelOf([{ name: 'TopicsIntent', samples: [sample] }]), { builtInPhrases })).toEqual([]);
  });

  it("leaves the built-in intents' own samples alone", () => {
    expect(found('built-in', modelOf([{ name: 'AMAZON.PreviousIntent', samples: ['go back'] }]), { builtInPhrases })).toEqual([]);
  });
});

describe('near-conflict', () => {
  it('flags samples in two intents one substituted word apart', () => {
    const model = modelOf([
      { name: 'ClinicalTrialsIntent', samples: ['can i join a trial'] },
      { name: 'TreatmentDecisionIntent', samples: ['should i join a trial'] },
    ]);
    expect(found('near-conflict', model)).toEqual([
      'near-conflict: ClinicalTrialsIntent: "can i join a trial" — is one word from TreatmentDecisionIntent: "should i join a trial" ("can" in place of "should")',
    ]);
  });

  it('flags one inserted or deleted word, in either order', () => {
    const model = modelOf([
      { name: 'PrognosisQuestionIntent', samples: ['is it curable'] },
      { name: 'TreatmentAimIntent', samples: ['is it really curable', 'it curable'] },
    ]);
    expect(found('near-conflict', model).sort()).toEqual([
      'near-conflict: PrognosisQuestionIntent: "is it curable" — is one word from TreatmentAimIntent: "is it really curable" (that one adds "really")',
      'near-conflict: PrognosisQuestionIntent: "is it curable" — is one word from TreatmentAimIntent: "it curable" (this one adds "is")',
    ]);
  });

  it('ignores samples more than one word apart, in one intent, or told apart by different slot types', () => {
    const model = modelOf([
      { name: 'PrognosisQuestionIntent', samples: ['is it curable', 'is it treatable'] },
      { name: 'TreatmentAimIntent', samples: ['is my cancer curable', 'myeloma'] },
      { name: 'MyelomaIntent', samples: ['tests'] },
      { name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['tell me about {test}'] },
      { name: 'TreatmentDetailIntent', slots: { treatment: 'TreatmentType' }, samples: ['tell me about {treatment}'] },
    ]);
    expect(found('near-conflict', model)).toEqual([]);
  });

  it('leaves exact repeats to the duplicate rule', () => {
    const model = modelOf([
      { name: 'WhatIsItIntent', samples: ['what is it'] },
      { name: 'TopicsIntent', samples: ['What is it'] },
    ]);
    expect(found('near-conflict', model)).toEqual([]);
    expect(found('duplicate', model)).toHaveLength(1);
  });

  it('compares slots by type, and a topic word or a slot in place of another is a different question', () => {
    const model = modelOf([
      { name: 'MyelomaIntent', samples: ['what is myeloma'] },
      { name: 'TreatmentDetailIntent', slots: { treatment: 'TreatmentType' }, samples: ['what is {treatment}'] },
      { name: 'WhatIsItIntent', samples: ['what is it'] },
      { name: 'CausesIntent', samples: ['what causes it'] },
      { name: 'EmergencyIntent', samples: ["she's unconscious"] },
      { name: 'CrisisIntent', samples: ["she's suicidal"] },
    ]);
    expect(found('near-conflict', model)).toEqual([]);
  });

  it('exempts pairs kept apart on purpose, in either order', () => {
    const model = modelOf([
      { name: 'ClinicalTrialsIntent', samples: ['can i join a trial'] },
      { name: 'TreatmentDecisionIntent', samples: ['should i join a trial'] },
    ]);
    expect(found('near-conflict', model, { keptApart: [['Should I join a trial', 'can i join a trial']] })).toEqual([]);
  });

  it('says when a pair kept apart is no longer two samples of two intents', () => {
    const model = modelOf([
      { name: 'ClinicalTrialsIntent', samples: ['can i join a trial'] },
      { name: 'TreatmentDecisionIntent', samples: ['should i take part'] },
    ]);
    expect(found('kept-apart', model, { keptApart: [['can i join a trial', 'should i join a trial']] })).toEqual([
      'kept-apart: "can i join a trial" — is kept apart from "should i join a trial", but the two are not samples of two different intents',
    ]);
    expect(found('kept-apart', model, { keptApart: [['can i join a trial', 'should i take part']] })).toEqual([]);
  });

  it('finds the one conflict among thousands of samples', () => {
    const intents = Array.from({ length: 40 }, (_, i) => ({
      name: `Topic${i}Intent`,
      // Two words of its own in every sample keep each intent two words from every other.
      samples: Array.from({ length: 100 }, (_s, j) => `question ${'x'.repeat(i + 1)} number ${'y'.repeat(j + 1)} ${'x'.repeat(i + 1)}`),
    }));
    intents[39].samples.push('the question x number y x');
    const lines = found('near-conflict', modelOf(intents));
    expect(lines).toEqual(['near-conflict: Topic0Intent: "question x number y x" — is one word from Topic39Intent: "the question x number y x" (that one adds "the")']);
  });
});

describe('agreement', () => {
  const thirdPersons = ['she', 'he', 'my mum'];
  const withSamples = (samples: string[]) => modelOf([{ name: 'EmergencyIntent', samples }]);

  it.each([
    ['why do she need a scan', '"do she"'],
    ['my mum have had a fall', '"my mum have"'],
    ['what should he do if he get symptoms', '"if he get"'],
    ['I has just keeled over', '"I has"'],
    ['I told me I can\'t feel my legs', '"I told me"'],
    ['he am very nervous', '"he am"'],
    ['her legs give way when she try to stand', '"when she try"'],
    ['are my mum terminal', '"are my mum"'],
    ['i has fallen', '"i has"'],
  ])('names "%s", which says %s', (sample, said) => {
    expect(found('agreement', withSamples([sample]), { thirdPersons })).toEqual([expect.stringContaining(said)]);
  });

  it.each([
    'why does she need a scan',
    'my mum has had a fall',
    'can he have a scan',
    'does my mum have to fast',
    'what do I do she won\'t wake up',
    'what to do he has collapsed',
    'what should my mum do she is not breathing',
    'do my mum and dad need tests',
    'the tablets made my mum feel sick',
    'I watched my mum go downhill',
    'my mum and he have questions',
    'she told me she can\'t feel her legs',
    'I have had a fall',
  ])(
    'lets "%s" be',
    (sample) => {
      expect(found('agreement', withSamples([sample]), { thirdPersons })).toEqual([]);
    },
  );
});

describe('limits', () => {
  const intents = [{ name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['what is a {test}'] }];

  it('flags a slot value or synonym over 140 characters', () => {
    const long = `scan ${'of the bone '.repeat(12)}`.trim();
    expect(long.length).toBeGreaterThan(140);
    const lines = found('limits', modelOf(intents, { TestType: { 'bone scan': [long] } }));
    expectNamed(lines, 'limits', 'TestType', long);
    expect(found('limits', modelOf(intents, { TestType: { 'bone scan': [long.slice(0, 140)] } }))).toEqual([]);
  });

  it('flags more than 250 intents', () => {
    const many = Array.from({ length: 251 }, (_, i) => ({ name: `Topic${i}Intent`, samples: [`topic ${'x'.repeat(i + 1)}`] }));
    expect(found('limits', modelOf(many))).toEqual(['limits — the model has 251 intents; Alexa takes at most 250']);
    expect(found('limits', modelOf(many.slice(0, 250)))).toEqual([]);
  });

  it.each([
    ['one word', 'guide', 'two or more words'],
    ['capitals', 'Test Guide', 'lower-case letters'],
    ['a numeral', 'test guide 2', 'lower-case letters'],
    ['two words with an article', 'the guide', 'article or preposition'],
    ['a launch word', 'ask test guide', '"ask"'],
    ['a wake word', 'alexa test guide', '"alexa"'],
  ])('flags an invocation name with %s', (_what, invocationName, message) => {
    const lines = found('limits', modelOf(intents, TYPES, invocationName));
    expect(lines.join('\n')).toContain(`limits: "${invocationName}" — the invocation name`);
    expect(lines.join('\n')).toContain(message);
  });

  it.each(['test guide', "sam's science trivia", 'a. b. c. facts'])('accepts the invocation name "%s"', (invocationName) => {
    expect(found('limits', modelOf(intents, TYPES, invocationName))).toEqual([]);
  });
});

describe('the linter', () => {
  it('throws on something that is not an interaction model', () => {
    expect(() => lintModel({ interactionModel: {} })).toThrow(/not an interaction model/);
  });

  it('finds nothing in a model that keeps every rule', () => {
    const samples = (stem: string, letter: string): string[] => [stem, ...Array.from({ length: 19 }, (_, i) => `${stem} ${['one', 'two', 'three'][i % 3]} ${letter.repeat(i + 1)}`)];
    const model = modelOf([
      { name: 'SymptomsIntent', samples: samples('symptoms', 'z') },
      { name: 'TestDetailIntent', slots: { test: 'TestType' }, samples: ['tell me about {test}', ...samples('tests', 'q').slice(1)] },
    ]);
    const manifest = { manifest: { publishingInformation: { locales: { 'en-GB': { examplePhrases: ['Alexa, open test guide', 'Alexa, ask test guide about symptoms'] } } } } };
    expect(formatProblems(lintModel(model, { manifest }))).toBe('');
  });
});
