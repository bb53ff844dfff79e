/**
 * What the conversation tests in this folder share: the interface texts their expectations use, a conversation
 * already past the welcome, naming an item through its slot, the built-in intents they say most, and the list example
 * that help, fallback and reprompts give. The transcript itself and its checks on every answer are in
 * test/support/conversation.ts.
 */
import { ITEM_INTENTS } from '../../../lambda/handlers/item-intents';
import { type Answer, content, conversation, type Conversation, entryOf, groupsOf, listOf, nameOf, topicOf, uiText } from '../../support/conversation';

export const ui = {
  welcome: uiText('welcome'),
  welcomeQuestion: uiText('welcomeQuestion'),
  disclaimer: uiText('disclaimer'),
  helpUrgent: uiText('helpUrgent', { number: content.contacts['en-GB'].emergency.number }),
  helpQuestion: uiText('helpQuestion'),
  genericReprompt: uiText('genericReprompt'),
  goodbye: uiText('goodbye'),
  error: uiText('error'),
};

/** The title of the answer's simple card, if it has one. */
export const cardTitle = (a: Answer): string | undefined => (a.card?.type === 'Simple' ? a.card.title : undefined);

/** How often `sentence` is heard in `text`. */
export const count = (text: string, sentence: string): number => text.split(sentence).length - 1;

/** The item suggested by name after group `step` of a list: the second of that group (the only one, if alone). */
export const exampleOf = (listId: string, step = 0): string => {
  const group = groupsOf(listOf(listId))[step];
  return nameOf(group[Math.min(1, group.length - 1)]);
};

/** A conversation already past the welcome (so answers carry no disclaimer). */
export async function launched(): Promise<Conversation> {
  const c = conversation();
  await c.launch();
  return c;
}

/** Names an item through its slot, as entity resolution would deliver it. */
export function nameItem(c: Conversation, id: string): Promise<Answer> {
  const list = entryOf(id).kind === 'topic' ? topicOf(id).list : undefined;
  const intent = Object.keys(ITEM_INTENTS).find((name) => ITEM_INTENTS[name].list === list);
  if (!intent) throw new Error(`'${id}' is not an item of a list with a slot intent`);
  return c.intent(intent, { [ITEM_INTENTS[intent].slot]: { value: entryOf(id).name, id } });
}

export const yes = (c: Conversation) => c.intent('AMAZON.YesIntent');
export const repeat = (c: Conversation) => c.intent('AMAZON.RepeatIntent');
export const fallback = (c: Conversation) => c.intent('AMAZON.FallbackIntent');
