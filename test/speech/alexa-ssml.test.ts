import { ssmlProblems, ssmlToText, spokenWordCount } from '../support/alexa-ssml';

const FULL_EXAMPLE =
  '<speak>Hello<break time="300ms"/> <prosody rate="90%">slow</prosody> <sub alias="C T">CT</sub> ' +
  '<phoneme alphabet="ipa" ph="ˈfiːmə">femur</phoneme> &amp; more</speak>';

/** Expects at least one problem, and that one of them matches `pattern`. */
function expectProblem(ssml: string, pattern: RegExp, options?: { maxWords?: number }): void {
  const problems = ssmlProblems(ssml, options);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.some((p) => pattern.test(p))).toBe(true);
}

describe('ssmlProblems: valid SSML', () => {
  it.each([
    ['the full example', FULL_EXAMPLE],
    ['plain speech', '<speak>Secondary bone cancer is when cancer spreads to the bones.</speak>'],
    ['empty speak', '<speak></speak>'],
    ['surrounding whitespace', '  <speak>Hi</speak>\n'],
    ['paragraphs and sentences', '<speak><p><s>One.</s><s>Two.</s></p><p>Three.</p></speak>'],
    ['break strength', '<speak>a<break strength="x-strong"/>b<break/></speak>'],
    ['break of exactly 10s', '<speak>a<break time="10s"/>b<break time="10000ms"/>c<break time="1.5s"></break></speak>'],
    ['emphasis', '<speak><emphasis level="reduced">quietly</emphasis> <emphasis>plain</emphasis></speak>'],
    ['lang', '<speak><lang xml:lang="fr-FR">bonjour</lang></speak>'],
    ['x-sampa phoneme', '<speak><phoneme alphabet="x-sampa" ph="pi.&quot;kAn">pecan</phoneme></speak>'],
    ['prosody pitch and volume', '<speak><prosody pitch="+10%" volume="-6dB" rate="x-slow">x</prosody> <prosody volume="+4dB" pitch="low">y</prosody></speak>'],
    ['say-as', '<speak><say-as interpret-as="digits">123</say-as> <say-as interpret-as="date" format="dmy">01-02-2024</say-as></speak>'],
    ['voice and w', '<speak><voice name="Brian"><w role="amazon:VBD">read</w></voice></speak>'],
    [
      'amazon tags',
      '<speak><amazon:domain name="conversational">' +
        '<amazon:emotion name="excited" intensity="medium">yay</amazon:emotion> ' +
        '<amazon:effect name="whispered">psst</amazon:effect></amazon:domain></speak>',
    ],
    ['audio', '<speak><audio src="soundbank://soundlibrary/ui/gameshow/amzn_ui_sfx_gameshow_intro_01"/> <audio src="https://example.com/a.mp3"/></speak>'],
    ['single-quoted attributes and entities', "<speak><sub alias='less &lt; more'>x</sub> &lt;3 &gt; &apos;quoted&apos; &#169; &#xA9;</speak>"],
    ['a raw > in text', '<speak>5 > 3</speak>'],
  ])('%s', (_name, ssml) => {
    expect(ssmlProblems(ssml)).toEqual([]);
  });
});

describe('ssmlProblems: well-formedness', () => {
  it('rejects an unescaped &', () => expectProblem('<speak>Salt & pepper</speak>', /unescaped "&"/));
  it('rejects an unescaped & in an attribute', () => expectProblem('<speak><sub alias="A & B">AB</sub></speak>', /unescaped "&"/));
  it('rejects an unknown named entity', () => expectProblem('<speak>caf&eacute;</speak>', /unescaped "&"/));
  it('rejects a stray <', () => expectProblem('<speak>1 < 2</speak>', /not well-formed/));
  it('rejects a < in an attribute value', () => expectProblem('<speak><sub alias="1 < 2">x</sub></speak>', /"<" in an attribute/));
  it('rejects a missing </speak>', () => expectProblem('<speak>Hello', /not well-formed/));
  it('rejects mismatched tags', () => expectProblem('<speak><p>Hello</s></speak>', /not well-formed/));
  it('rejects two roots', () => expectProblem('<speak>a</speak><speak>b</speak>', /not well-formed/));
  it('rejects text before speak', () => expectProblem('Hello <speak>there</speak>', /not well-formed/));
  it('rejects text after speak', () => expectProblem('<speak>Hello</speak> there', /not well-formed/));
  it('rejects an unquoted attribute', () => expectProblem('<speak><break time=1s/></speak>', /not well-formed/));
  it('rejects an empty string', () => expectProblem('', /not well-formed/));
});

describe('ssmlProblems: document structure', () => {
  it('rejects a root other than speak', () => expectProblem('<p>Hello</p>', /exactly one <speak>/));
  it('rejects nested speak', () => expectProblem('<speak>a <speak>b</speak></speak>', /must not be nested/));
  it('rejects comments', () => expectProblem('<speak><!-- note -->Hi</speak>', /comments/));
  it('rejects an XML declaration', () => expectProblem('<?xml version="1.0"?><speak>Hi</speak>', /processing instructions/));
  it('rejects CDATA', () => expectProblem('<speak><![CDATA[Hi]]></speak>', /CDATA/));
  it('rejects SSML over 8000 characters', () => expectProblem(`<speak>${'word '.repeat(1600)}</speak>`, /at most 8000/));
  it('rejects more than 5 audio tags', () => {
    const audio = '<audio src="https://example.com/a.mp3"/>'.repeat(6);
    expectProblem(`<speak>${audio}</speak>`, /6 <audio> tags/);
  });
});

describe('ssmlProblems: tags and attributes', () => {
  it.each([
    ['unknown tag <script>', '<speak><script>alert(1)</script></speak>', /<script> is not a tag Alexa supports/],
    ['wrong-case tag', '<speak><Break/></speak>', /<Break> is not a tag/],
    ['break over 10s', '<speak>a<break time="20s"/></speak>', /at most 10s/],
    ['break over 10000ms', '<speak>a<break time="10001ms"/></speak>', /at most 10s/],
    ['break time without unit', '<speak>a<break time="300"/></speak>', /duration/],
    ['break strength', '<speak>a<break strength="huge"/></speak>', /strength="huge" must be one of/],
    ['break with content', '<speak><break time="1s">x</break></speak>', /<break> must be empty/],
    ['prosody rate 500%', '<speak><prosody rate="500%">fast</prosody></speak>', /rate="500%" must be at most 200%/],
    ['prosody rate 10%', '<speak><prosody rate="10%">slow</prosody></speak>', /at least 20%/],
    ['prosody rate word', '<speak><prosody rate="quick">x</prosody></speak>', /rate="quick" must be/],
    ['prosody pitch too high', '<speak><prosody pitch="+60%">x</prosody></speak>', /pitch="\+60%" must be at most/],
    ['prosody pitch unsigned', '<speak><prosody pitch="10%">x</prosody></speak>', /pitch="10%" must be/],
    ['prosody volume in percent', '<speak><prosody volume="+10%">x</prosody></speak>', /volume="\+10%" must be/],
    ['prosody volume too loud', '<speak><prosody volume="+6dB">x</prosody></speak>', /at most \+4.08dB/],
    ['emphasis level', '<speak><emphasis level="loud">x</emphasis></speak>', /level="loud"/],
    ['bad attribute', '<speak><p class="intro">x</p></speak>', /class="intro" is not a supported attribute/],
    ['attribute on speak', '<speak version="1.1">x</speak>', /version="1.1" is not a supported attribute/],
    ['phoneme alphabet', '<speak><phoneme alphabet="arpabet" ph="F IY">x</phoneme></speak>', /alphabet="arpabet"/],
    ['phoneme without ph', '<speak><phoneme alphabet="ipa">x</phoneme></speak>', /needs a ph attribute/],
    ['phoneme empty ph', '<speak><phoneme alphabet="ipa" ph=" ">x</phoneme></speak>', /ph=" " must not be empty/],
    ['say-as interpret-as', '<speak><say-as interpret-as="shout">x</say-as></speak>', /interpret-as="shout"/],
    ['say-as without interpret-as', '<speak><say-as>x</say-as></speak>', /needs a interpret-as attribute/],
    ['say-as format on non-date', '<speak><say-as interpret-as="digits" format="dmy">1</say-as></speak>', /only allowed with interpret-as="date"/],
    ['say-as bad date format', '<speak><say-as interpret-as="date" format="yyyy">2024</say-as></speak>', /format="yyyy"/],
    ['sub empty alias', '<speak><sub alias="">CT</sub></speak>', /alias="" must not be empty/],
    ['sub without alias', '<speak><sub>CT</sub></speak>', /needs a alias attribute/],
    ['lang unknown locale', '<speak><lang xml:lang="xx-YY">x</lang></speak>', /xml:lang="xx-YY"/],
    ['lang without xml:lang', '<speak><lang>x</lang></speak>', /needs a xml:lang attribute/],
    ['w role', '<speak><w role="verb">read</w></speak>', /role="verb"/],
    ['domain name', '<speak><amazon:domain name="sports">x</amazon:domain></speak>', /name="sports"/],
    ['emotion name', '<speak><amazon:emotion name="angry" intensity="low">x</amazon:emotion></speak>', /name="angry"/],
    ['emotion intensity', '<speak><amazon:emotion name="excited" intensity="max">x</amazon:emotion></speak>', /intensity="max"/],
    ['emotion without intensity', '<speak><amazon:emotion name="excited">x</amazon:emotion></speak>', /needs a intensity attribute/],
    ['effect name', '<speak><amazon:effect name="shouted">x</amazon:effect></speak>', /name="shouted"/],
    ['unknown amazon tag', '<speak><amazon:auto-breaths>x</amazon:auto-breaths></speak>', /not a tag Alexa supports/],
    ['audio over http', '<speak><audio src="http://example.com/a.mp3"/></speak>', /https:\/\//],
    ['audio without src', '<speak><audio/></speak>', /needs a src attribute/],
  ])('rejects %s', (_name, ssml, pattern) => {
    expectProblem(ssml, pattern);
  });

  it('reports every problem, not just the first', () => {
    const problems = ssmlProblems('<speak><script>x</script><break time="20s"/><prosody rate="500%">y</prosody></speak>');
    expect(problems).toHaveLength(3);
  });
});

describe('ssmlProblems: characters', () => {
  it('rejects a raw control character', () => expectProblem('<speak>bell\u0007</speak>', /U\+0007 \(control character\)/));
  it('rejects a control character written as a reference', () => expectProblem('<speak>nul&#0;</speak>', /U\+0000/));
  it('rejects an unpaired surrogate', () => expectProblem('<speak>half \ud83d</speak>', /unpaired surrogate/));
  it('rejects the replacement character', () => expectProblem('<speak>caf\ufffd</speak>', /mis-decoded/));
  it('accepts tabs, newlines, accents and emoji', () => {
    expect(ssmlProblems('<speak>\tCafé\r\n naïve 😀</speak>')).toEqual([]);
  });
});

describe('ssmlProblems: maxWords', () => {
  it('accepts speech at the limit', () => {
    expect(ssmlProblems('<speak>one two three</speak>', { maxWords: 3 })).toEqual([]);
  });
  it('rejects speech over the limit', () => {
    expectProblem('<speak>one two three four</speak>', /speaks 4 words; the limit is 3/, { maxWords: 3 });
  });
  it('counts the alias of a sub, not its text', () => {
    expect(ssmlProblems('<speak><sub alias="computed tomography">CT</sub></speak>', { maxWords: 1 })).toHaveLength(1);
  });
});

describe('ssmlToText', () => {
  it('reads the full example as a listener hears it', () => {
    expect(ssmlToText(FULL_EXAMPLE)).toBe('Hello slow C T femur & more');
  });
  it('decodes the five XML entities', () => {
    expect(ssmlToText('<speak>&amp; &lt; &gt; &quot; &apos;</speak>')).toBe('& < > " \'');
  });
  it('decodes only once', () => {
    expect(ssmlToText('<speak>&amp;lt;</speak>')).toBe('&lt;');
  });
  it('separates words at breaks, sentences and paragraphs', () => {
    expect(ssmlToText('<speak><p>One.</p><p><s>Two.</s><s>Three</s></p>Four<break/>five</speak>')).toBe('One. Two. Three Four five');
  });
  it('does not split words at inline tags', () => {
    expect(ssmlToText('<speak>un<emphasis>believ</emphasis>able</speak>')).toBe('unbelievable');
  });
  it('collapses whitespace and trims', () => {
    expect(ssmlToText('<speak>\n  lots   of\t\tspace \n</speak>')).toBe('lots of space');
  });
  it('reads an entity-encoded alias', () => {
    expect(ssmlToText('<speak><sub alias="salt &amp; pepper">S&amp;P</sub></speak>')).toBe('salt & pepper');
  });
  it('says nothing for audio', () => {
    expect(ssmlToText('<speak>Listen<audio src="https://example.com/a.mp3"/>now</speak>')).toBe('Listen now');
  });
  it('copes with malformed input', () => {
    expect(ssmlToText('<speak>1 < 2 and <p>unclosed')).toBe('1 < 2 and unclosed');
  });
});

describe('spokenWordCount', () => {
  it('counts the words of the full example', () => {
    // Hello, slow, C, T, femur, more: a lone "&" has no letters, so it is not counted.
    expect(spokenWordCount(FULL_EXAMPLE)).toBe(6);
  });
  it('is zero for silence', () => {
    expect(spokenWordCount('<speak><break time="1s"/></speak>')).toBe(0);
  });
  it('counts numbers and ignores punctuation', () => {
    expect(spokenWordCount('<speak>Call 999 – now!</speak>')).toBe(3);
  });
});
