/**
 * A touch on the screen, as Alexa sends it back: an APL UserEvent whose arguments are the document's
 * `["item", id]`. Read as data from outside: anything but an item the screens show gives no id.
 */
import type { AnswerContent } from '../content/types';
import { isRecord } from '../util/is-record';
import { ITEM_EVENT } from './document';

/** The request type of a touch (a SendEvent from the document). */
export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';

/** The content id of the item touched, if the request is a touch on an item of a list; otherwise undefined. */
export function touchedItem(request: unknown, content: AnswerContent): string | undefined {
  const args = isRecord(request) ? request.arguments : undefined;
  if (!Array.isArray(args) || args.length !== 2 || args[0] !== ITEM_EVENT) return undefined;
  const id: unknown = args[1];
  if (typeof id !== 'string') return undefined;
  const isItem = Object.values(content.entries).some((entry) => entry.kind === 'list' && entry.items.includes(id));
  return isItem ? id : undefined;
}
