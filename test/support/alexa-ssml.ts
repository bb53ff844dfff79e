/**
 * A strict validator for Alexa SSML, used by tests to check every response the skill can produce.
 *
 * Rules follow the Alexa SSML reference
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html).
 * Where the reference is loose, this validator is stricter: a test failing on something Alexa might have
 * tolerated is cheap, a skill that goes silent on a real device is not.
 */
import { XMLValidator } from 'fast-xml-parser';

export interface SsmlProblem {
  message: string;
}

export interface SsmlOptions {
  /** More spoken words than this is reported as a problem. */
  maxWords?: number;
  /** The most seconds it may take to say, at the prosody rates it gives (see spokenSeconds). */
  maxSeconds?: number;
}

/** Alexa rejects output speech longer than this (the whole SSML string, tags included). */
const MAX_SSML_CHARACTERS = 8000;
const MAX_AUDIO_TAGS = 5;
const MAX_BREAK_MS = 10_000;

// ---------------------------------------------------------------------------
// Tokenizer and tree. Tolerant on purpose: ssmlToText must cope with bad input,
// and ssmlProblems only walks the tree after XMLValidator accepted the document.
// ---------------------------------------------------------------------------

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'open'; name: string; attributes: Map<string, string>; selfClosing: boolean; raw: string }
  | { kind: 'close'; name: string }
  | { kind: 'markup'; raw: string }; // comments, CDATA, <?xml ?>, <!DOCTYPE>

interface SsmlElement {
  kind: 'element';
  name: string;
  attributes: Map<string, string>;
  children: SsmlNode[];
  raw: string;
}
type SsmlNode = SsmlElement | { kind: 'text'; text: string };

const OPEN_TAG = /^<([^\s/>]+)([\s\S]*?)(\/?)>$/;
const CLOSE_TAG = /^<\/([^\s>]+)\s*>$/;
const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Index just past the `>` closing the tag that starts at `start`, skipping `>` inside quoted values. */
function endOfTag(ssml: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < ssml.length; i++) {
    const ch = ssml[i];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  return -1;
}

/** Where a `<` construct starting at `start` ends, or -1 when it never does. */
function endOfMarkup(ssml: string, start: number): number {
  const terminators: Array<[string, string]> = [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
    ['<!', '>'],
  ];
  for (const [opener, closer] of terminators) {
    if (ssml.startsWith(opener, start)) {
      const end = ssml.indexOf(closer, start + opener.length);
      return end < 0 ? -1 : end + closer.length;
    }
  }
  return endOfTag(ssml, start);
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes.set(match[1], decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

function tagToken(raw: string): Token {
  const close = CLOSE_TAG.exec(raw);
  if (close) return { kind: 'close', name: close[1] };
  const open = /^<[!?]/.test(raw) ? null : OPEN_TAG.exec(raw);
  if (!open) return { kind: 'markup', raw };
  return { kind: 'open', name: open[1], attributes: parseAttributes(open[2]), selfClosing: open[3] === '/', raw };
}

/** Where the next tag or other markup starts; a `<` followed by a space or digit is just text. */
function nextMarkup(ssml: string, from: number): number {
  const pattern = /<[\p{L}_:/!?]/gu;
  pattern.lastIndex = from;
  return pattern.exec(ssml)?.index ?? -1;
}

function tokenize(ssml: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < ssml.length) {
    const lt = nextMarkup(ssml, position);
    const end = lt < 0 ? -1 : endOfMarkup(ssml, lt);
    // Markup that never closes is read as text, like a listener would hear it.
    const textEnd = lt < 0 || end < 0 ? ssml.length : lt;
    if (textEnd > position) tokens.push({ kind: 'text', text: ssml.slice(position, textEnd) });
    if (textEnd === ssml.length) break;
    tokens.push(tagToken(ssml.slice(lt, end)));
    position = end;
  }
  return tokens;
}

/** Builds the element tree; a stray close tag is ignored and unclosed elements end at the end of input. */
function parseTree(ssml: string): { nodes: SsmlNode[]; markup: string[] } {
  const top: SsmlElement = { kind: 'element', name: '', attributes: new Map(), children: [], raw: '' };
  const stack: SsmlElement[] = [top];
  const markup: string[] = [];
  for (const token of tokenize(ssml)) {
    const parent = stack[stack.length - 1];
    if (token.kind === 'text') {
      parent.children.push({ kind: 'text', text: decodeEntities(token.text) });
    } else if (token.kind === 'markup') {
      markup.push(token.raw);
    } else if (token.kind === 'open') {
      const element: SsmlElement = { kind: 'element', name: token.name, attributes: token.attributes, children: [], raw: token.raw };
      parent.children.push(element);
      if (!token.selfClosing) stack.push(element);
    } else {
      const depth = stack.map((e) => e.name).lastIndexOf(token.name);
      if (depth > 0) stack.length = depth;
    }
  }
  return { nodes: top.children, markup };
}

// ---------------------------------------------------------------------------
// Entities and characters
// ---------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML's predefined entities and character references; anything else after `&` is not well-formed. */
const ENTITY_SOURCE = '&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);';
const ENTITY = new RegExp(ENTITY_SOURCE, 'g');
const ENTITY_AT = new RegExp(ENTITY_SOURCE, 'y'); // sticky: matches only at lastIndex

function decodeEntity(reference: string, name: string): string {
  if (!name.startsWith('#')) return NAMED_ENTITIES[name];
  const codePoint = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, decodeEntity);
}

function unescapedAmpersandProblems(ssml: string): string[] {
  const problems: string[] = [];
  for (let at = ssml.indexOf('&'); at >= 0; at = ssml.indexOf('&', at + 1)) {
    ENTITY_AT.lastIndex = at;
    if (!ENTITY_AT.test(ssml)) {
      problems.push(`unescaped "&" at character ${at} (near "${ssml.slice(at, at + 12)}"): write &amp;`);
    }
  }
  return problems;
}

/** Why Alexa would reject this code point, or undefined when it is fine. */
function forbiddenReason(codePoint: number): string | undefined {
  const isWhitespaceControl = codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  if (codePoint < 0x20 && !isWhitespaceControl) return 'control character';
  if (codePoint >= 0x7f && codePoint <= 0x9f) return 'control character';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'unpaired surrogate';
  if ((codePoint & 0xfffe) === 0xfffe || (codePoint >= 0xfdd0 && codePoint <= 0xfdef)) return 'Unicode noncharacter';
  // Not invalid XML, but it only appears when text was decoded with the wrong encoding.
  if (codePoint === 0xfffd) return 'replacement character (mis-decoded text)';
  return undefined;
}

/** Checks the decoded document, so `&#7;` is caught as well as a raw U+0007. */
function characterProblems(ssml: string): string[] {
  const seen = new Set<number>();
  const problems: string[] = [];
  for (const ch of decodeEntities(ssml)) {
    const codePoint = ch.codePointAt(0) ?? 0;
    const reason = forbiddenReason(codePoint);
    if (reason !== undefined && !seen.has(codePoint)) {
      seen.add(codePoint);
      const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
      problems.push(`contains U+${hex} (${reason}), which Alexa rejects`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Attribute value checks: each returns a description of what is wrong, or undefined.
// ---------------------------------------------------------------------------

type ValueCheck = (value: string) => string | undefined;

const oneOf =
  (...allowed: string[]): ValueCheck =>
  (value) =>
    allowed.includes(value) ? undefined : `must be one of ${allowed.join('|')}`;

const nonEmpty: ValueCheck = (value) => (value.trim() === '' ? 'must not be empty' : undefined);

const NUMBER = '(\\d+(?:\\.\\d+)?)';

/** Accepts a named value, or a number with `unit` (and a sign when `signed`) inside [min, max]. */
function namedOrMeasure(names: string[], unit: string, signed: boolean, min: number, max: number): ValueCheck {
  const pattern = new RegExp(`^${signed ? '([+-])' : '()'}${NUMBER}${unit}$`);
  const expected = `${names.join('|')} or ${signed ? '+N/-N' : 'N'}${unit}`;
  return (value) => {
    if (names.includes(value)) return undefined;
    const match = pattern.exec(value);
    if (!match) return `must be ${expected}`;
    const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
    if (amount > max) return `must be at most ${signed ? '+' : ''}${max}${unit}`;
    return amount < min ? `must be at least ${min}${unit}` : undefined;
  };
}

const breakTime: ValueCheck = (value) => {
  const match = new RegExp(`^${NUMBER}(ms|s)$`).exec(value);
  if (!match) return 'must be a duration like "300ms" or "2s"';
  const ms = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  return ms > MAX_BREAK_MS ? 'must be at most 10s (10000ms)' : undefined;
};

// Sound-library clips are referenced with soundbank:// URLs; anything else must be served over HTTPS.
const audioSource: ValueCheck = (value) =>
  /^(https|soundbank):\/\/\S+$/.test(value) ? undefined : 'must be an https:// or soundbank:// URL';

const ALEXA_LOCALES = [
  'en-US', 'en-GB', 'en-IN', 'en-AU', 'en-CA', 'de-DE', 'es-ES', 'es-MX',
  'es-US', 'fr-CA', 'fr-FR', 'hi-IN', 'it-IT', 'ja-JP', 'pt-BR',
];

const INTERPRET_AS = [
  'characters', 'spell-out', 'cardinal', 'number', 'ordinal', 'digits', 'fraction',
  'unit', 'date', 'time', 'telephone', 'address', 'interjection', 'expletive',
];

// ---------------------------------------------------------------------------
// Tag table
// ---------------------------------------------------------------------------

interface TagSpec {
  attributes: Record<string, ValueCheck>;
  required?: string[];
  /** Must have no content at all, e.g. <break/>. */
  empty?: boolean;
  /** Ends a word for the listener (a pause or a new sentence), so ssmlToText puts a space there. */
  separates?: boolean;
}

const TAGS: Record<string, TagSpec> = {
  speak: { attributes: {}, separates: true },
  p: { attributes: {}, separates: true },
  s: { attributes: {}, separates: true },
  break: {
    attributes: { time: breakTime, strength: oneOf('none', 'x-weak', 'weak', 'medium', 'strong', 'x-strong') },
    empty: true,
    separates: true,
  },
  emphasis: { attributes: { level: oneOf('strong', 'moderate', 'reduced') } },
  lang: { attributes: { 'xml:lang': oneOf(...ALEXA_LOCALES) }, required: ['xml:lang'] },
  phoneme: { attributes: { alphabet: oneOf('ipa', 'x-sampa'), ph: nonEmpty }, required: ['alphabet', 'ph'] },
  prosody: {
    attributes: {
      rate: namedOrMeasure(['x-slow', 'slow', 'medium', 'fast', 'x-fast'], '%', false, 20, 200),
      pitch: namedOrMeasure(['x-low', 'low', 'medium', 'high', 'x-high'], '%', true, -33.3, 50),
      volume: namedOrMeasure(['silent', 'x-soft', 'soft', 'medium', 'loud', 'x-loud'], 'dB', true, -Infinity, 4.08),
    },
  },
  'say-as': { attributes: { 'interpret-as': oneOf(...INTERPRET_AS), format: nonEmpty }, required: ['interpret-as'] },
  sub: { attributes: { alias: nonEmpty }, required: ['alias'] },
  voice: { attributes: { name: nonEmpty }, required: ['name'] },
  w: { attributes: { role: oneOf('amazon:VB', 'amazon:VBD', 'amazon:NN', 'amazon:SENSE_1') }, required: ['role'] },
  'amazon:effect': { attributes: { name: oneOf('whispered') }, required: ['name'] },
  'amazon:emotion': {
    attributes: { name: oneOf('excited', 'disappointed'), intensity: oneOf('low', 'medium', 'high') },
    required: ['name', 'intensity'],
  },
  'amazon:domain': {
    attributes: { name: oneOf('conversational', 'long-form', 'music', 'news', 'fun') },
    required: ['name'],
  },
  audio: { attributes: { src: audioSource }, required: ['src'], empty: true, separates: true },
};

const DATE_FORMATS = ['mdy', 'dmy', 'ymd', 'md', 'dm', 'ym', 'my', 'd', 'm', 'y'];

// ---------------------------------------------------------------------------
// Structural checks
// ---------------------------------------------------------------------------

function wellFormednessProblems(ssml: string): string[] {
  const result = XMLValidator.validate(ssml);
  const problems: string[] = [];
  if (result !== true) {
    const { msg, line, col } = result.err;
    problems.push(`not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  // XMLValidator accepts a raw `<` inside attribute values; XML does not.
  for (const token of tokenize(ssml)) {
    if (token.kind === 'open' && /=\s*("[^"]*<|'[^']*<)/.test(token.raw)) {
      problems.push(`not well-formed XML: unescaped "<" in an attribute value of ${token.raw}`);
    }
  }
  return problems;
}

function rootProblems(nodes: SsmlNode[]): string[] {
  const problems: string[] = [];
  const elements = nodes.filter((n): n is SsmlElement => n.kind === 'element');
  if (elements.length !== 1 || elements[0].name !== 'speak') {
    const found = elements.map((e) => `<${e.name}>`).join(', ') || 'none';
    problems.push(`the document must be exactly one <speak> element, found ${found}`);
  }
  const strayText = nodes.filter((n) => n.kind === 'text' && n.text.trim() !== '');
  if (strayText.length > 0) problems.push('text outside <speak> is not allowed');
  return problems;
}

function attributeProblems(element: SsmlElement, spec: TagSpec): string[] {
  const problems: string[] = [];
  for (const [name, value] of element.attributes) {
    const check = spec.attributes[name];
    const issue = check ? check(value) : 'is not a supported attribute';
    if (issue !== undefined) problems.push(`<${element.name}> ${name}="${value}" ${issue}`);
  }
  for (const name of spec.required ?? []) {
    if (!element.attributes.has(name)) problems.push(`<${element.name}> needs a ${name} attribute`);
  }
  return problems;
}

/** Rules that depend on more than one attribute or on the element's position. */
function contextProblems(element: SsmlElement, spec: TagSpec, insideSpeak: boolean): string[] {
  const problems: string[] = [];
  if (element.name === 'speak' && insideSpeak) problems.push('<speak> must not be nested inside another <speak>');
  if (spec.empty && element.children.length > 0) problems.push(`<${element.name}> must be empty`);
  const format = element.attributes.get('format');
  if (element.name === 'say-as' && format !== undefined) {
    // The reference only defines format for dates.
    if (element.attributes.get('interpret-as') !== 'date') {
      problems.push('<say-as> format is only allowed with interpret-as="date"');
    } else if (!DATE_FORMATS.includes(format)) {
      problems.push(`<say-as> format="${format}" must be one of ${DATE_FORMATS.join('|')}`);
    }
  }
  return problems;
}

function elementProblems(element: SsmlElement, insideSpeak: boolean): string[] {
  const spec = Object.hasOwn(TAGS, element.name) ? TAGS[element.name] : undefined;
  const own = spec
    ? [...attributeProblems(element, spec), ...contextProblems(element, spec, insideSpeak)]
    : [`<${element.name}> is not a tag Alexa supports`];
  const nested = element.children.flatMap((child) =>
    child.kind === 'element' ? elementProblems(child, insideSpeak || element.name === 'speak') : [],
  );
  return [...own, ...nested];
}

function countElements(nodes: SsmlNode[], name: string): number {
  let count = 0;
  for (const node of nodes) {
    if (node.kind === 'element') count += (node.name === name ? 1 : 0) + countElements(node.children, name);
  }
  return count;
}

function treeProblems(ssml: string): string[] {
  const { nodes, markup } = parseTree(ssml);
  const problems = markup.map(
    (raw) => `${raw.slice(0, 20)}: comments, CDATA, DOCTYPE and processing instructions are not allowed`,
  );
  problems.push(...rootProblems(nodes));
  problems.push(...nodes.flatMap((n) => (n.kind === 'element' ? elementProblems(n, false) : [])));
  const audioCount = countElements(nodes, 'audio');
  if (audioCount > MAX_AUDIO_TAGS) problems.push(`${audioCount} <audio> tags; Alexa allows at most ${MAX_AUDIO_TAGS}`);
  return problems;
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** Everything wrong with `ssml` as Alexa output speech; [] when it is valid. */
export function ssmlProblems(ssml: string, options: SsmlOptions = {}): string[] {
  const problems: string[] = [];
  if (ssml.length > MAX_SSML_CHARACTERS) problems.push(`${ssml.length} characters; Alexa allows at most ${MAX_SSML_CHARACTERS}`);
  problems.push(...characterProblems(ssml), ...unescapedAmpersandProblems(ssml));
  const malformed = wellFormednessProblems(ssml);
  // The tree of a malformed document is a guess, so rules about tags would only add noise.
  if (malformed.length > 0) return [...problems, ...malformed];
  problems.push(...treeProblems(ssml));
  const words = spokenWordCount(ssml);
  if (options.maxWords !== undefined && words > options.maxWords) {
    problems.push(`speaks ${words} words; the limit is ${options.maxWords}`);
  }
  const seconds = spokenSeconds(ssml);
  if (options.maxSeconds !== undefined && seconds > options.maxSeconds) {
    problems.push(`takes about ${seconds.toFixed(1)} s to say; the limit is ${options.maxSeconds} s`);
  }
  return problems;
}

/** Words a minute at prosody rate 100%: the same conservative figure the skill plans its turns with. */
const WORDS_PER_MINUTE = 150;

function nodeSeconds(node: SsmlNode, rate: number): number {
  const wordsTime = (text: string) => (text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length * 60) / (WORDS_PER_MINUTE * rate);
  if (node.kind === 'text') return wordsTime(node.text);
  const inner = (r: number) => node.children.reduce((sum, child) => sum + nodeSeconds(child, r), 0);
  switch (node.name) {
    case 'break':
      return Number(/^(\d+)ms$/.exec(node.attributes.get('time') ?? '')?.[1] ?? 0) / 1000;
    case 'prosody': {
      const percent = /^(\d+)%$/.exec(node.attributes.get('rate') ?? '');
      return inner(percent ? Number(percent[1]) / 100 : rate);
    }
    case 'sub':
      return wordsTime(node.attributes.get('alias') ?? '');
    case 'say-as':
      // Digits are said one by one: "999" is three words.
      return node.attributes.get('interpret-as') === 'digits' ? wordsTime(node.children.map(nodeText).join('').replace(/\d/g, ' $& ')) : inner(rate);
    case 'audio':
      return 0;
    default:
      return inner(rate);
  }
}

/** About how long `ssml` takes to say: its words at the prosody rate around them, digits one by one, and its breaks. */
export function spokenSeconds(ssml: string): number {
  return parseTree(ssml).nodes.reduce((sum, node) => sum + nodeSeconds(node, 1), 0);
}

function nodeText(node: SsmlNode): string {
  if (node.kind === 'text') return node.text;
  if (node.name === 'sub') return node.attributes.get('alias') ?? '';
  const inner = node.name === 'audio' ? '' : node.children.map(nodeText).join('');
  return TAGS[node.name]?.separates ? ` ${inner} ` : inner;
}

/** What a listener hears, as plain text: tags removed, <sub> read as its alias, entities decoded. */
export function ssmlToText(ssml: string): string {
  return parseTree(ssml).nodes.map(nodeText).join('').replace(/\s+/g, ' ').trim();
}

/** Words in ssmlToText; a token counts when it has a letter or digit, so a lone "-" or "&" does not. */
export function spokenWordCount(ssml: string): number {
  return ssmlToText(ssml)
    .split(' ')
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
