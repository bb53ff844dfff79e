/**
 * --speak and --speak-to: what espeak-ng is asked to say is what Alexa would pronounce, at the listener's pace,
 * and a missing espeak-ng or audio device is said plainly. espeak-ng itself is replaced by a recorder, so these
 * tests pass on any machine, with or without it.
 */
import { createSpeaker, espeakSpeed, espeakText, NO_AUDIO_DEVICE, NO_ESPEAK, prosodyRate, type Runner } from '../../tools/simulator/speak';

function recorder(result: Partial<ReturnType<Runner>> = {}) {
  const calls: string[][] = [];
  const run: Runner = (command, args) => {
    calls.push([command, ...args]);
    return { status: 0, stderr: '', ...result };
  };
  return { calls, run };
}

describe('what espeak-ng says', () => {
  it('says the alias of a <sub>, not the written word', () => {
    expect(espeakText('<speak>An <sub alias="M R I">MRI</sub> scan.</speak>')).toBe('An M R I scan.');
  });

  it('says digits one by one, so 999 is "nine nine nine" and 116 123 is six digits', () => {
    expect(espeakText('<speak>Call <say-as interpret-as="digits">999</say-as> now.</speak>')).toBe('Call 9 9 9 now.');
    expect(espeakText('<speak>Call <say-as interpret-as="digits">116</say-as> <say-as interpret-as="digits">123</say-as>.</speak>')).toBe('Call 1 1 6 1 2 3.');
  });

  it('keeps the word of a <phoneme>, turns breaks into pauses and decodes entities', () => {
    expect(espeakText('<speak><phoneme alphabet="ipa" ph="x">Denosumab</phoneme> <break time="300ms"/> I can&apos;t &amp; won&apos;t.</speak>')).toBe("Denosumab, I can't & won't.");
  });

  it('speaks at the listener pace: the prosody rate of the normal 175 words a minute', () => {
    expect(espeakSpeed('<speak><prosody rate="70%">Slowly.</prosody></speak>')).toBe(123);
    expect(espeakSpeed('<speak>Normal.</speak>')).toBe(175);
  });

  it('reads the pace as a percentage for other voices (the web console\'s speech synthesis)', () => {
    expect(prosodyRate('<speak><prosody rate="85%">Slower.</prosody></speak>')).toBe(85);
    expect(prosodyRate('<speak>Normal.</speak>')).toBe(100);
  });
});

describe('the speaker', () => {
  const ssml = '<speak><prosody rate="85%">Call <say-as interpret-as="digits">999</say-as> now.</prosody></speak>';

  it('plays each answer through espeak-ng at its pace', () => {
    const { calls, run } = recorder();
    expect(createSpeaker({ run }).speak(ssml)).toBeUndefined();
    expect(calls).toEqual([['espeak-ng', '-v', 'en-gb', '-s', '149', 'Call 9 9 9 now.']]);
  });

  it('runs the espeak-ng it is given instead of the one on the PATH', () => {
    const { calls, run } = recorder();
    createSpeaker({ run, program: '/opt/espeak/bin/espeak-ng' }).speak(ssml);
    expect(calls.map((c) => c[0])).toEqual(['/opt/espeak/bin/espeak-ng']);
  });

  it('writes each turn to its own WAV file with --speak-to', () => {
    const { calls, run } = recorder();
    const speaker = createSpeaker({ toFile: '/tmp/answer.wav', run });
    expect(speaker.speak(ssml)).toContain('/tmp/answer.wav');
    expect(speaker.speak(ssml)).toContain('/tmp/answer-2.wav');
    expect(calls.map((c) => c.slice(5, 7))).toEqual([
      ['-w', '/tmp/answer.wav'],
      ['-w', '/tmp/answer-2.wav'],
    ]);
  });

  it('says once, plainly, when espeak-ng is missing', () => {
    const { run } = recorder({ error: new Error('spawn espeak-ng ENOENT'), status: null });
    const speaker = createSpeaker({ run });
    expect(speaker.speak(ssml)).toBe(NO_ESPEAK);
    expect(speaker.speak(ssml)).toBeUndefined();
  });

  it('says once, plainly, when there is no audio device, and how to write a file instead', () => {
    const { run } = recorder({ status: 1, stderr: 'ALSA lib confmisc.c: cannot find card 0' });
    const speaker = createSpeaker({ run });
    expect(speaker.speak(ssml)).toBe(NO_AUDIO_DEVICE);
    expect(NO_AUDIO_DEVICE).toContain('--speak-to');
    expect(speaker.speak(ssml)).toBeUndefined();
  });
});
