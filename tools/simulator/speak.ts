/**
 * `npm start -- --speak` and `--speak-to <file.wav>`: what Alexa would say, heard through espeak-ng. espeak-ng
 * does not know Alexa's SSML, so the SSML is turned into what Alexa would pronounce: `<sub>` aliases in place
 * of the written word, `say-as digits` as separate digits ("999" → "9 9 9", said "nine nine nine"), and the
 * listener's pace (`<prosody rate>`) as espeak-ng's words a minute.
 */
import { spawnSync } from 'node:child_process';

/** espeak-ng's own default speed, in words a minute: Alexa's 100% rate. */
const ESPEAK_NORMAL_WPM = 175;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The words espeak-ng (or a browser's speech synthesis: the web console) should say for an SSML answer. */
export function espeakText(ssml: string): string {
  return ssml
    .replace(/<sub\b[^>]*\balias="([^"]*)"[^>]*>[\s\S]*?<\/sub>/g, ' $1 ')
    .replace(/<say-as\b[^>]*interpret-as="digits"[^>]*>([\s\S]*?)<\/say-as>/g, (_, digits: string) => ` ${digits.replace(/\D/g, '').split('').join(' ')} `)
    .replace(/<break\b[^>]*>/g, ', ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+([,.?!:])/g, '$1')
    .replace(/(,\s*)+/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The listener's pace in an answer: its `<prosody rate="N%">`, in percent of the normal speed (100 without one). */
export const prosodyRate = (ssml: string): number => Number(/<prosody\b[^>]*\brate="(\d+)%"/.exec(ssml)?.[1] ?? 100);

/** espeak-ng's speed for an answer: its `<prosody rate="N%">` of the normal speed. */
export function espeakSpeed(ssml: string): number {
  return Math.round((ESPEAK_NORMAL_WPM * prosodyRate(ssml)) / 100);
}

export type Runner = (command: string, args: string[]) => { status: number | null; error?: Error; stderr: string };

const runEspeak: Runner = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return { status: result.status, error: result.error, stderr: result.stderr ?? '' };
};

export const NO_ESPEAK = '(--speak and --speak-to need espeak-ng: on Debian or Ubuntu, sudo apt-get install espeak-ng; on macOS, brew install espeak-ng)';
export const NO_AUDIO_DEVICE = '(espeak-ng found no audio device to play on: use --speak-to <file.wav> to write the audio to a file instead)';

/** espeak-ng's nearest voice for a locale: North American English for en-US and en-CA, British for the rest. */
export const espeakVoiceFor = (locale = 'en-GB') => (['en-US', 'en-CA'].includes(locale) ? 'en-us' : 'en-gb');

/**
 * Says an answer aloud, or writes it to a WAV file. Returns a message for the listener when it could not, once
 * each: espeak-ng missing, or no audio device (espeak-ng then exits non-zero or complains of its audio output).
 * `program` is the espeak-ng to run (default: `espeak-ng` on the PATH).
 */
export function createSpeaker(options: { toFile?: string; run?: Runner; program?: string; locale?: string } = {}) {
  const run = options.run ?? runEspeak;
  const voice = espeakVoiceFor(options.locale);
  const program = options.program || 'espeak-ng';
  const told = new Set<string>();
  let turn = 0;
  const once = (message: string) => {
    if (told.has(message)) return undefined;
    told.add(message);
    return message;
  };
  return {
    /** The file each turn is written to: the one named for the first, then name-2.wav, name-3.wav, … */
    fileFor(n: number): string | undefined {
      if (!options.toFile) return undefined;
      return n === 1 ? options.toFile : options.toFile.replace(/(\.wav)?$/i, `-${n}$1`);
    },
    speak(ssml: string): string | undefined {
      const text = espeakText(ssml);
      if (!text) return undefined;
      turn += 1;
      const file = this.fileFor(turn);
      const args = ['-v', voice, '-s', String(espeakSpeed(ssml)), ...(file ? ['-w', file] : []), text];
      const result = run(program, args);
      if (result.error) return once(NO_ESPEAK);
      if (!file && (result.status !== 0 || /audio|alsa|pulse|device/i.test(result.stderr))) return once(NO_AUDIO_DEVICE);
      if (file && result.status !== 0) return `(espeak-ng could not write ${file}: ${result.stderr.trim() || `exit ${result.status}`})`;
      return file ? `  (audio written to ${file})` : undefined;
    },
  };
}
