/** The skill's voice: UI sentences and content text, pronounced through the lexicon. Built once per cold start. */
import type { LocaleContacts, SkillContent, UiKey } from '../content/types';
import { fillTemplate } from './phrases';
import { createPronouncer } from './pronounce';
import { element, escapeText, joinSsml, type Ssml } from './ssml';

/** The locale whose content the skill speaks; others are refused before they reach the content. */
export const DEFAULT_LOCALE = 'en-GB';

export interface Voice {
  /** A UI sentence from content/ui.yaml with its `{slots}` filled. */
  ui(key: UiKey, values?: Record<string, Ssml>): Ssml;
  /** Content text (an answer, a name) as SSML, hard words pronounced. */
  say(text: string): Ssml;
  /** The emergency number for a locale, read digit by digit ("nine nine nine"). */
  emergencyNumber(locale: string): Ssml;
  /** The numbers from outside the page for a locale (content/contacts.yaml), the skill's own locale's if it has none. */
  contacts(locale: string): LocaleContacts;
  /** A line for a locale (the crisis line, the support line): its name, its number digit by digit, when it answers. */
  line(locale: string, which: 'crisis' | 'support'): { name: Ssml; number: Ssml; hours: Ssml };
}

/** A number said digit by digit, group by group ("116 123" → "one one six, one two three"). */
function digits(number: string): Ssml {
  return joinSsml(...number.split(' ').map((group) => element('say-as', { 'interpret-as': 'digits' }, escapeText(group))));
}

export function createVoice(content: SkillContent): Voice {
  const pronounce = createPronouncer(content.lexicon);
  const contactsFor = (locale: string) => content.contacts[locale] ?? content.contacts[DEFAULT_LOCALE];
  return {
    ui: (key, values) => fillTemplate(content.ui[key], values),
    say: pronounce,
    contacts: contactsFor,
    emergencyNumber: (locale) => digits(contactsFor(locale).emergency.number),
    line: (locale, which) => {
      const { name, number, hours } = contactsFor(locale)[which];
      return { name: pronounce(name), number: digits(number), hours: escapeText(hours) };
    },
  };
}
