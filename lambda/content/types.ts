/**
 * The compiled content: what the skill can say, as data. `npm run content` builds it from the YAML in
 * content/ (validated there), so at run time nothing is read from disk and nothing is parsed.
 * All text here is plain text; the speech compiler (tools/content/speech.ts) turns it into SSML at build time.
 * The skill itself reads `AnswerContent`, the content's shape and its card text, and speaks from the speech book.
 */

/** Where an answer leads when the listener says "yes" to its follow-up question. */
export interface Offer {
  /** Asked after the answer, e.g. "Would you like to hear which bones are most often affected?" */
  question: string;
  /** The id of the entry that "yes" plays. */
  goTo: string;
}

/** One answer as the skill needs it at run time: its shape; what it says is in the speech book. */
export interface AnswerTopic {
  kind: 'topic';
  id: string;
  /** Card title. */
  title: string;
  /** For each sentence, in order, the part it belongs to: a turn never runs across a part (set by the compiler). */
  sentenceParts: number[];
  /** The follow-up after the last part. Items of a list get "the next one" when they have none. */
  offer?: { goTo: string };
  /** The disclaimer is said with this answer every time (About). */
  alwaysDisclaim?: boolean;
  /** The answer gives the source's review date itself (About), so a new listener needs no separate note of it. */
  givesReviewDate?: boolean;
  /** A line from the per-locale contacts said after the last part: "support" is the charity's support line. */
  contact?: 'support';
  /** The list this entry is an item of, if any (set by the compiler). */
  list?: string;
}

/** One answer: a section of the page, a test or a treatment. */
export interface TopicEntry extends AnswerTopic {
  /** How menus and follow-ups name it: "a bone scan", "the aim of treatment". */
  name: string;
  /** Spoken in turn; each part is short enough for one response, "more" plays the next. */
  parts: string[];
  offer?: Offer;
  /** An honest answer's first part as one clause, said before a named test's or treatment's own answer. */
  withItem?: string;
}

/** A list as the skill needs it at run time. */
export interface AnswerList {
  kind: 'list';
  id: string;
  title: string;
  /** Entry ids, in the order they are read. */
  items: string[];
  /** After the last item's answer, the follow-up that leads on from the list. */
  after?: { goTo: string };
  /** Slot value ids that are not items but are answered by another entry (radiotherapy → managing symptoms). */
  alsoAnswers: Record<string, string>;
}

/** A list read three at a time: the tests, the treatments, the topics. */
export interface ListEntry extends AnswerList {
  name: string;
  /** Said after the count ("There are seven tests and scans."), before the first group. */
  intro: string;
  noun: { one: string; many: string };
  after?: Offer;
}

export type Entry = TopicEntry | ListEntry;
export type AnswerEntry = AnswerTopic | AnswerList;

export interface LexiconEntry {
  /** The word or phrase as written in the content, matched whole and case-sensitively. */
  written: string;
  /** IPA for <phoneme> (British English), or a spoken alias for <sub>. */
  ipa?: string;
  /** IPA for North American English, where it differs from `ipa`. */
  usIpa?: string;
  say?: string;
}

export interface SourceInfo {
  publisher: string;
  title: string;
  /** ISO dates. */
  reviewed: string;
  nextReview: string;
}

/** The locale the page was written for: the content as written is its own; other locales differ only where content/locales.yaml says. */
export const SOURCE_LOCALE = 'en-GB';

/** Sentences the skill says around the content: welcome, help, confirmations. `{name}` marks a slot. */
export type UiStrings = Record<UiKey, string>;

export const UI_KEYS = [
  'welcome',
  'welcomeBack',
  'welcomeQuestion',
  'disclaimer',
  'reviewNote',
  'moreQuestion',
  'moreReprompt',
  'offerReprompt',
  'prefixOfferQuestion',
  'listOpening',
  'listOpeningOnly',
  'listAll',
  'listAllFirst',
  'listAllMoreQuestion',
  'listAllMoreReprompt',
  'listAllRest',
  'listNextGroup',
  'listLastOne',
  'listLastGroup',
  'listMoreQuestion',
  'listMoreReprompt',
  'listChooseQuestion',
  'listChooseReprompt',
  'nextItemQuestion',
  'helpGeneral',
  'helpList',
  'helpListEnd',
  'helpItem',
  'helpItemLast',
  'helpTopic',
  'helpQuestion',
  'emergencyNow',
  'urgentLine',
  'emergencyQuestion',
  'crisisNow',
  'supportLine',
  'crisisQuestion',
  'crisisReprompt',
  'helpUrgent',
  'helpMenu',
  'helpMenuEnd',
  'topicsQuestion',
  'topicsReprompt',
  'paceAgainNamed',
  'paceSlower',
  'paceFaster',
  'paceNormal',
  'paceSlowest',
  'paceFastest',
  'paceAgainQuestion',
  'paceReprompt',
  'chooseNoList',
  'chooseNoSuchItem',
  'chooseWhich',
  'fallbackAfterCrisis',
  'fallbackGeneral',
  'fallbackList',
  'fallbackQuestion',
  'fallbackOfferTopics',
  'unknownItem',
  'unknownItemElsewhere',
  'touchNothing',
  'noAfterOffer',
  'nothingToRepeat',
  'nothingBefore',
  'nothingNext',
  'genericReprompt',
  'yesWithoutOffer',
  'goodbye',
  'error',
  'unsupportedLocale',
  'unsupportedRequest',
] as const;
export type UiKey = (typeof UI_KEYS)[number];

/**
 * The content as the skill reads it at run time (lambda/content/answers.ts): its shape and card titles. Everything
 * said, and the text of cards, comes from the speech book.
 */
export interface AnswerContent {
  entries: Record<string, AnswerEntry>;
  /** The entry StartOver and "what can I ask" read: the list of topics. */
  menu: string;
  /**
   * The page's hard words (the lexicon's, lower case) → the first sentence that uses them, in the order the page
   * reads: where "what is hypercalcaemia" or "the femur", heard as no test or treatment, is answered.
   */
  terms: Record<string, TermPlace>;
}

/** A sentence of an answer: the entry and the sentence's index. */
export interface TermPlace {
  id: string;
  step: number;
}

export interface SkillContent extends AnswerContent {
  source: SourceInfo;
  entries: Record<string, Entry>;
  lexicon: LexiconEntry[];
  ui: UiStrings;
  /** Locale → the numbers from outside the page: the emergency number, the crisis line, and where there are ones, the urgent and support lines. */
  contacts: Record<string, LocaleContacts>;
  /** Locale → what is said differently there (content/locales.yaml). en-GB, the page's own, changes nothing. */
  locales: Record<string, LocaleWording>;
}

/** How a locale's listeners are told the page's content (content/locales.yaml). */
export interface LocaleWording {
  /** As a sentence names it: "the United States". */
  country: string;
  /** A locale that says most of the same (en-CA is like en-US): the speech book keeps only what differs from it. */
  like?: string;
  /** Which IPA of the lexicon its voice uses. */
  pronunciation: 'en-GB' | 'en-US';
  /** Word → the local spelling. */
  spelling: Record<string, string>;
  /** Words of the page → what is true there ("GP" → "primary care doctor"). */
  wording: Record<string, string>;
  /** Said once to a new listener after the welcome: where the information comes from. */
  welcomeNote?: string;
}

/** A service a listener can call: its name, its number in groups of digits, when it answers, where that comes from. */
export interface PhoneLine {
  name: string;
  number: string;
  hours: string;
  source: string;
}

/** Numbers from outside the page for one locale (content/contacts.yaml), each with the source it comes from. */
export interface LocaleContacts {
  /** `said`: how the number is said where that is not digit by digit ("triple zero"). */
  emergency: { number: string; said?: string; source: string };
  crisis: PhoneLine;
  /** One national line for urgent medical help that is not an emergency, where there is one (NHS 111). */
  urgent?: PhoneLine;
  /** The charity's own support line: only where it runs one. */
  support?: PhoneLine;
}
