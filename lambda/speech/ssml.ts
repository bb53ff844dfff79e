/**
 * SSML as a type. Only the functions here make `Ssml` from text, and they escape it, so text from the
 * content or from what a listener said can never break the markup Alexa receives. The speech compiler makes the
 * speech book with them at build time (speech/book.ts vouches for what it stored); a few fixed marks (",", "and")
 * are written as Ssml where they are used.
 */
declare const ssmlBrand: unique symbol;
export type Ssml = string & { readonly [ssmlBrand]: true };

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Characters Alexa rejects in SSML: C0 and C1 controls (but tab and newlines), lone surrogates (with the u flag a
 * pair is one code point, so only a lone half is a surrogate), and the non-characters of every plane (U+FDD0 to
 * U+FDEF, and U+FFFE, U+FFFF, U+1FFFE, … U+10FFFF). Also U+FFFD, which only stands for text decoded wrongly.
 */
// eslint-disable-next-line no-control-regex
const UNSPEAKABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]|\p{Cs}|\p{Noncharacter_Code_Point}/gu;

/** Plain text → SSML text: markup characters escaped, characters Alexa rejects dropped. */
export function escapeText(text: string): Ssml {
  return text.replace(UNSPEAKABLE, '').replace(/[&<>"']/g, (c) => ENTITIES[c]) as Ssml;
}

const UNESCAPED: Record<string, string> = Object.fromEntries(Object.entries(ENTITIES).map(([c, e]) => [e, c]));

/** What SSML says, as written: the text of every element (a <sub>'s or <phoneme>'s written word), unescaped. For cards. */
export function textOf(ssml: Ssml): string {
  return ssml.replace(/<[^>]*>/g, '').replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => UNESCAPED[e]);
}

/** Says nothing: for a reply that is only its question. */
export const NOTHING = '' as Ssml;

/** Joins fragments with a space, skipping empty ones. */
export function joinSsml(...parts: (Ssml | undefined)[]): Ssml {
  return parts.filter((p): p is Ssml => Boolean(p)).join(' ') as Ssml;
}

/** A short silence: between an answer and its question, between list items. */
export function pause(milliseconds: number): Ssml {
  return `<break time="${Math.round(milliseconds)}ms"/>` as Ssml;
}

export function element(tag: 'phoneme' | 'sub' | 'prosody' | 'say-as', attributes: Record<string, string>, body: Ssml): Ssml {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeText(v)}"`)
    .join('');
  return `<${tag}${attrs}>${body}</${tag}>` as Ssml;
}

/** Everything said at the listener's pace; `rate` is a prosody percentage, 100 is Alexa's normal speed. */
export function atRate(body: Ssml, rate: number): Ssml {
  return rate === 100 ? body : element('prosody', { rate: `${rate}%` }, body);
}
