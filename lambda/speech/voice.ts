/** The skill's voice: UI sentences and content text, pronounced through the lexicon. Built once per cold start. */
import type { SkillContent, UiKey } from '../content/types';
import { fillTemplate } from './phrases';
import { createPronouncer } from './pronounce';
import { element, escapeText, type Ssml } from './ssml';

/** The locale whose content the skill speaks; others are refused before they reach the content. */
export const DEFAULT_LOCALE = 'en-GB';

export interface Voice {
  /** A UI sentence from content/ui.yaml with its `{slots}` filled. */
  ui(key: UiKey, values?: Record<string, Ssml>): Ssml;
  /** Content text (an answer, a name) as SSML, hard words pronounced. */
  say(text: string): Ssml;
  /** The emergency number for a locale, read digit by digit ("nine nine nine"). */
  emergencyNumber(locale: string): Ssml;
}

export function createVoice(content: SkillContent): Voice {
  const pronounce = createPronouncer(content.lexicon);
  return {
    ui: (key, values) => fillTemplate(content.ui[key], values),
    say: pronounce,
    emergencyNumber: (locale) => {
      const number = content.emergencyNumbers[locale] ?? content.emergencyNumbers[DEFAULT_LOCALE];
      return element('say-as', { 'interpret-as': 'digits' }, escapeText(number));
    },
  };
}
