/**
 * What a device with a screen shows with each reply: the same words that are said, as text. Built from the reply
 * itself (its compiled speech and question, read back by `textOf`, so a <sub> shows its written word: "CT", not
 * "C T"), titled with the reply's card where it has one, and under a list every item as a button that answers as
 * naming it would (handlers/touch.ts). The document (display/document.ts) is fixed; this is its datasource.
 * A device that does not declare APL gets nothing, and what is said never depends on the screen.
 */
import { getSupportedInterfaces } from '../request/ask-sdk';
import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import type { AnswerContent, AnswerList } from '../content/types';
import { isEntry, type Place } from '../conversation/place';
import { listReadWhole } from '../conversation/screens';
import type { Reply } from '../speech/reply';
import { textOf } from '../speech/ssml';
import type { Spoken } from '../speech/spoken';
import { isRecord } from '../util/is-record';
import { DISPLAY_DOCUMENT, DISPLAY_TOKEN } from './document';

/** The interface a device with an APL screen declares in context.System.device.supportedInterfaces. */
export const APL_INTERFACE = 'Alexa.Presentation.APL';

/** The title of a reply without a card (the welcome, help, the safety advice, a "sorry"): the skill's own name. */
export const DISPLAY_TITLE = 'Bone Secondaries Guide';

/** One row of the screen: what was said, the question asked, or an item to touch (its content id in `id`, else ''). */
export interface DisplayRow {
  kind: 'said' | 'asked' | 'item';
  text: string;
  id: string;
}

/** The datasource's one object, `payload.guide` in the document. */
export interface DisplayData {
  title: string;
  rows: DisplayRow[];
}

/** A version's numbers ("2024.3" → [2024, 3]; "1.1" → [1, 1]), or undefined if it is not one. */
const versionOf = (text: unknown): number[] | undefined => (typeof text === 'string' && /^\d+(\.\d+)*$/.test(text) ? text.split('.').map(Number) : undefined);
const isOlder = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};
const DOCUMENT_VERSION = versionOf(DISPLAY_DOCUMENT.version) ?? [];

/**
 * Whether the request comes from a device that can show the document: it declares APL, and its runtime (where it says)
 * is not older than the document's version. Amazon's docs: a document must not be sent to a device whose
 * `runtime.maxVersion` is below the document's. A malformed envelope has no screen.
 */
export function hasDisplay(envelope: RequestEnvelope): boolean {
  try {
    const apl: unknown = getSupportedInterfaces(envelope)[APL_INTERFACE];
    if (!isRecord(apl)) return false;
    const runtime = isRecord(apl.runtime) ? versionOf(apl.runtime.maxVersion) : undefined;
    return !runtime || !isOlder(runtime, DOCUMENT_VERSION);
  } catch {
    return false;
  }
}

/** The list whose items a place shows as buttons: the list being read, or every name of it ("read them all"). */
export function listShown(content: AnswerContent, place: Place | undefined): AnswerList | undefined {
  if (!place) return undefined;
  const id = isEntry(place) ? place.id : listReadWhole(place);
  const entry = id !== undefined && Object.hasOwn(content.entries, id) ? content.entries[id] : undefined;
  return entry?.kind === 'list' ? entry : undefined;
}

/** Spoken text as written, on one line: breaks and markup gone. */
const shown = (spoken: Spoken): string => textOf(spoken.ssml).replace(/\s+/g, ' ').trim();

/** The screen for a reply: its title (the card's, else the list's), what it says and asks, and the items of `list` to touch. */
export function displayData(reply: Reply, content: AnswerContent, list?: AnswerList): DisplayData {
  const said = shown(reply.speech);
  const rows: DisplayRow[] = said ? [{ kind: 'said', text: said, id: '' }] : [];
  if (reply.kind === 'ask') rows.push({ kind: 'asked', text: shown(reply.question), id: '' });
  for (const id of list?.items ?? []) rows.push({ kind: 'item', text: content.entries[id].title, id });
  return { title: (reply.kind === 'ask' && reply.card?.title) || list?.title || DISPLAY_TITLE, rows };
}

/** The RenderDocument directive that shows `data`. */
export function displayDirective(data: DisplayData): interfaces.alexa.presentation.apl.RenderDocumentDirective {
  return { type: 'Alexa.Presentation.APL.RenderDocument', token: DISPLAY_TOKEN, document: DISPLAY_DOCUMENT, datasources: { guide: data } };
}
