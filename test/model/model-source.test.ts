/**
 * The interaction model is generated from interactionModels/source/, and the generated file Alexa takes must be
 * what the source makes today. The linter holds the model to Amazon's rules and the project's own.
 */
import fs from 'node:fs';
import { expandTemplate, type ModelSource, type Person } from '../../tools/model/expand';
import { localModelSource } from '../../tools/model/locales';
import { formatProblems } from '../../tools/model/lint';
import { generatedModels } from '../../tools/model/source';
import { lintProjectModels } from '../../tools/lint-model';

const forms = (I: string, my: string, he: string): Person => ({
  I, my, me: I, "I'm": `${I}'m`, "I've": `${I}'ve`, 'I have': `${I} have`, 'I am': `${I} am`, 'I was': `${I} was`,
  "I don't": `${I} don't`, 'do I': `do ${I}`, 'am I': `am ${I}`, 'have I': `have ${I}`, myself: `${my}self`, he, s: '', es: '', whose: my,
});

describe('the model source', () => {
  it.each(generatedModels().map((m) => [m.locale, m]))('%s: interactionModels/custom is up to date (npm run model)', (_locale, { file, json }) => {
    expect(fs.readFileSync(file, 'utf8')).toBe(json);
  });

  it('expands alternatives and persons together, each used at least once, without multiplying them', () => {
    const persons = [forms('I', 'my', 'I'), forms('she', 'her', 'she')];
    expect(expandTemplate('(can|could) <I> feel <my> (legs|feet|arms)', persons)).toEqual(['can I feel my legs', 'could she feel her feet', 'can I feel my arms']);
  });

  it('expands nested and empty alternatives, the inner in step with the outer', () => {
    expect(expandTemplate('the pain (is (bad|awful)|)', [])).toEqual(['the pain is bad', 'the pain']);
    expect(expandTemplate('the pain (is (bad|awful|severe)|)', [])).toEqual(['the pain is bad', 'the pain', 'the pain is severe']);
  });
});

describe('a locale derived from the source', () => {
  const source: ModelSource = {
    invocationName: 'bone secondaries guide',
    persons: [forms('I', 'my', 'I'), forms('my mum', 'her', 'she')],
    keptApart: [],
    intents: { EmergencyIntent: { slots: {}, samples: ['<I> can\'t feel <my> legs'], aboutSomeoneElse: ['<I> says <he> is confused'] } },
    types: {},
  };

  it('says its own words for the source\'s, in samples and in persons', () => {
    const local = localModelSource(source, { words: { mum: ['mother', 'mummy'] } });
    expect(local.persons.map((p) => p.I)).toEqual(['I', 'my mother']);
    expect(local.intents.EmergencyIntent.samples).toEqual(['<I> can\'t feel <my> legs']);
  });

  // Indian English says "mummy is having pain" and "papa fell", without "my": people the source's persons do not name.
  it('adds the people its listeners speak of that the source does not name, to samples about someone else too', () => {
    const mummy = forms('mummy', 'her', 'she');
    const local = localModelSource(source, { words: {}, persons: [mummy] });
    expect(local.persons.map((p) => p.I)).toEqual(['I', 'my mum', 'mummy']);
  });
});

describe('the model linter on the project model', () => {
  it.each(lintProjectModels().map((r) => [r.locale, r]))('%s passes every rule', (_locale, { problems }) => {
    expect(formatProblems(problems)).toBe('');
  });
});
