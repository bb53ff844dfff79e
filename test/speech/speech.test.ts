/** The speech layer: content text in, safe Alexa SSML out. */
import { compiledContent as content } from '../../lambda/content/compiled';
import { numberWord, spokenList } from '../../lambda/speech/phrases';
import { createPronouncer } from '../../lambda/speech/pronounce';
import { atRate, escapeText, type Ssml } from '../../lambda/speech/ssml';
import { measured } from '../../lambda/speech/spoken';
import { createVoice } from '../../lambda/speech/voice';
import { packBook } from '../../lambda/speech/book';
import { compileSpeech, compileTemplate } from '../../tools/content/speech';
import { ssmlProblems, ssmlToText } from '../support/alexa-ssml';

const speak = (body: string) => `<speak>${body}</speak>`;
const pronounce = createPronouncer(content.lexicon);

describe('escapeText', () => {
  it('escapes every markup character, so hostile text stays text', () => {
    const hostile = `Tom & Jerry's <script>"alert"</script>`;
    const ssml = speak(escapeText(hostile));
    expect(ssmlProblems(ssml)).toEqual([]);
    expect(ssmlToText(ssml)).toBe(hostile);
  });

  it('drops control characters Alexa rejects', () => {
    expect(escapeText('a\u0000b\u0007c\u001fd')).toBe('abcd');
  });

  it('drops C1 controls, lone surrogates and non-characters too, keeping whole emoji', () => {
    const ssml = speak(escapeText('magic\u0085beans \ud83d x\udc00 \uffff 😀'));
    expect(ssmlProblems(ssml)).toEqual([]);
    expect(ssmlToText(ssml)).toBe('magicbeans x 😀');
  });

  it('drops the non-characters of every plane, not only U+FFFE and U+FFFF, and the replacement character', () => {
    const ssml = speak(escapeText('a\ufdd0b\ufdefc\u{1FFFE}d\u{10FFFE}e\u{10FFFF}f\ufffdg'));
    expect(ssmlProblems(ssml)).toEqual([]);
    expect(ssmlToText(ssml)).toBe('abcdefg');
  });
});

describe('the lexicon', () => {
  it.each(content.lexicon.map((e) => [e.written, e]))('says %s as the lexicon says', (written, entry) => {
    const ssml = pronounce(`About ${written} today.`);
    expect(ssmlProblems(speak(ssml))).toEqual([]);
    if (entry.ipa) expect(ssml).toContain(`<phoneme alphabet="ipa" ph="${entry.ipa}">${written}</phoneme>`);
    else expect(ssmlToText(speak(ssml))).toBe(`About ${entry.say} today.`);
  });

  it('writes IPA only with the symbols Alexa supports for English (ɹ, not r; ɡ, not g)', () => {
    // Alexa's English phoneme set: consonants, vowels and diphthongs, stress and length marks.
    const alexaIpa = new Set([...'bdðfɡhjklmnŋpɹsʃtθvwzʒ', ...'ɑæaɛeɪiɒɔoʊuʌɜə', ...'ˈˌː. ', '\u0361']);
    for (const entry of content.lexicon.filter((e) => e.ipa)) {
      expect({ word: entry.written, unsupported: [...(entry.ipa ?? '')].filter((c) => !alexaIpa.has(c)) }).toEqual({ word: entry.written, unsupported: [] });
    }
  });

  it('covers the words the issue names', () => {
    const written = content.lexicon.map((e) => e.written);
    for (const word of ['metastases', 'myeloma', 'humerus', 'femur', 'cytotoxic', 'denosumab', 'bisphosphonates', 'hypercalcaemia', 'multidisciplinary', 'positron emission tomography', 'CT', 'MRI', 'PET-CT', 'MDT', 'GP']) {
      expect(written).toContain(word);
    }
  });

  it('matches words at the start of a sentence, whatever their case', () => {
    expect(pronounce('Bisphosphonates are drugs.')).toMatch(/^<phoneme alphabet="ipa" ph="[^"]+">Bisphosphonates<\/phoneme> are drugs\.$/);
  });

  it('reads PET-CT as one abbreviation, not PET plus CT', () => {
    const heard = ssmlToText(speak(pronounce('A PET-CT scan and a CT scan.')));
    expect(heard).toBe('A pet C T scan and a C T scan.');
  });

  it('says PET on its own as the word "pet", as in PET-CT', () => {
    expect(pronounce('A PET scan uses low-dose radiation.')).toBe('A <sub alias="pet">PET</sub> scan uses low-dose radiation.');
  });

  it('leaves abbreviations alone inside words and in lower case', () => {
    expect(pronounce('The doctor acts on facts; ct is not CT.')).toBe('The doctor acts on facts; ct is not <sub alias="C T">CT</sub>.');
  });

  it('escapes the text around pronounced words', () => {
    const ssml = speak(pronounce('myeloma & <b>'));
    expect(ssmlProblems(ssml)).toEqual([]);
    expect(ssmlToText(ssml)).toBe('myeloma & <b>');
  });
});

describe('spoken phrases', () => {
  const items = ['the spine', 'the ribs', 'the pelvis'].map((t) => measured(escapeText(t)));

  it('reads a list as a listener expects, with a short pause after each comma', () => {
    const ssml = speak(spokenList(items).ssml);
    expect(ssmlToText(ssml)).toBe('the spine, the ribs and the pelvis');
    expect(ssml.match(/<break /g)).toHaveLength(2);
    expect(ssmlToText(speak(spokenList(items.slice(0, 1)).ssml))).toBe('the spine');
    expect(ssmlToText(speak(spokenList(items.slice(0, 2)).ssml))).toBe('the spine and the ribs');
  });

  it('says counts in words', () => {
    expect([numberWord(3), numberWord(7), numberWord(17)]).toEqual(['three', 'seven', 'seventeen']);
  });

  it('fills compiled templates with SSML values; the template text was escaped when it compiled', () => {
    const voice = createVoice(packBook({ ...compileSpeech(content), ui: { ...compileSpeech(content).ui, welcome: compileTemplate('welcome', 'Say "{what}" & go') } }));
    const filled = voice.ui('welcome', { what: measured('<sub alias="C T">CT</sub>' as Ssml) });
    expect(ssmlProblems(speak(filled.ssml))).toEqual([]);
    expect(ssmlToText(speak(filled.ssml))).toBe('Say "C T" & go');
    // Say, C, T, and, go: the quotes are not words, the ampersand is said "and".
    expect(filled.words).toBe(5);
  });

  it('refuses a template slot with no value rather than saying "{name}"', () => {
    const voice = createVoice(packBook(compileSpeech(content)));
    expect(() => voice.ui('offerReprompt')).toThrow(/\{name\}/);
  });

  it('refuses, when content compiles, a {slot} glued to a word, whose length could not be added up', () => {
    expect(() => compileTemplate('welcome', 'Hello {name}s')).toThrow(/welcome/);
    expect(compileTemplate('welcome', 'Hello, {name}.')).toHaveLength(3);
  });

  it('wraps everything said in one prosody element when the pace is not normal', () => {
    expect(atRate(escapeText('hi'), 100)).toBe('hi');
    expect(atRate(escapeText('hi'), 85)).toBe('<prosody rate="85%">hi</prosody>');
  });
});
