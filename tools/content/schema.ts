/**
 * The shape of each file under content/, as a content editor writes it. Checked when the skill is built;
 * zod stays a build-time tool and never reaches the Lambda bundle.
 */
import { z } from 'zod';
import { UI_KEYS } from '../../lambda/content/types';

const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

export const offerFile = z.strictObject({ question: text.regex(/\?$/, 'must be a question ending in "?"'), goTo: id });

export const answerFile = z.strictObject({
  name: text,
  title: text,
  answer: z.array(text).min(1, 'needs at least one part'),
  offer: offerFile.optional(),
  /** Say the medical-advice disclaimer with this answer every time (About), not just once a session. */
  alwaysDisclaim: z.boolean().optional(),
  /** The answer gives the source's review date itself (About): a new listener's first answer needs no note of it. */
  givesReviewDate: z.boolean().optional(),
  /** A line from content/contacts.yaml said after the answer's last part ("support": the charity's support line). */
  contact: z.enum(['support']).optional(),
  /**
   * An honest answer's first part as one clause, said instead of it when a test or treatment is named, so that the
   * item's own first sentence follows in the same sentence ("… is like; what it does say is this: An MRI scan …").
   */
  withItem: text.regex(/:$/, 'must end with a colon, since the named item\'s answer follows in the same sentence').optional(),
});

export const listFile = z.strictObject({
  name: text,
  title: text,
  intro: text,
  noun: z.strictObject({ one: text, many: text }),
  items: z.array(id).min(2, 'needs at least two items (a list of one is just an answer)'),
  after: offerFile.optional(),
  alsoAnswers: z.record(id, id).optional(),
});

export const sourceFile = z.strictObject({
  publisher: text,
  title: text,
  reviewed: z.iso.date(),
  nextReview: z.iso.date(),
});

export const lexiconFile = z.array(
  z
    .strictObject({ written: text, ipa: text.optional(), usIpa: text.optional(), say: text.optional() })
    .refine((e) => (e.ipa === undefined) !== (e.say === undefined), 'needs exactly one of ipa or say')
    .refine((e) => e.usIpa === undefined || e.ipa !== undefined, 'usIpa goes with ipa'),
);

const phoneNumber = z.string().regex(/^[0-9]{2,5}( [0-9]{2,5})*$/, 'must be groups of digits, such as 999 or 116 123');
const source = z.string().min(10, 'must say where the number was checked');

const phoneLine = z.strictObject({ name: text, number: phoneNumber, hours: text, source });
const localeCode = z.string().regex(/^[a-z]{2}-[A-Z]{2}$/, 'must be a locale such as en-GB');

/** Per locale: numbers from outside the page, each with its source. */
export const contactsFile = z.record(
  localeCode,
  z.strictObject({
    emergency: z.strictObject({ number: phoneNumber, said: text.optional(), source }),
    crisis: phoneLine,
    urgent: phoneLine.optional(),
    support: phoneLine.optional(),
  }),
);

/** Per locale: what is said differently there. */
export const localesFile = z.record(
  localeCode,
  z.strictObject({
    country: text,
    like: localeCode.optional(),
    pronunciation: z.enum(['en-GB', 'en-US']),
    spelling: z.record(text, text).default({}),
    wording: z.record(text, text).default({}),
    welcomeNote: text.optional(),
  }),
);

export const uiFile = z.strictObject(Object.fromEntries(UI_KEYS.map((k) => [k, text])) as Record<(typeof UI_KEYS)[number], typeof text>);
