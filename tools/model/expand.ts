/**
 * The interaction model's source (interactionModels/source/en-GB.yaml) is written for people: a sample may
 * say "(is|are) there (any|) clinical trials" or "<I> can't feel <my> legs", and a comment beside it says
 * why it is there. This file turns that source into the plain lists of samples Alexa takes.
 *
 *  - "(a|b|)" is one of its alternatives; an empty one makes the group optional.
 *  - "<I>", "<my>", "<me>", "<I'm>", … are one person's forms, chosen together, so one sample covers the
 *    listener ("I can't feel my legs") and a carer ("my mum can't feel her legs", "he can't feel his legs").
 *  - "{slot}" is a slot, left as it is.
 */
import { z } from 'zod';

/**
 * One person's forms, keyed by how the listener says them of themselves; "he" is the pronoun that refers
 * back to them ("my mum says she …"), "s"/"es" are verb endings ("<I> want<s>" → "she wants"), and "whose" is
 * the possessive that names them ("my mum's legs", where "<my>" would say "her legs").
 */
export const personForms = ['I', 'my', 'me', "I'm", "I've", 'I have', 'I am', 'I was', "I don't", 'do I', 'am I', 'have I', 'myself', 'he', 's', 'es', 'whose'] as const;
export type Person = Record<(typeof personForms)[number], string>;

export const person = z.object(Object.fromEntries(personForms.map((f) => [f, z.string()])) as Record<(typeof personForms)[number], z.ZodString>).strict();

const slotValue = z.object({ id: z.string().min(1), value: z.string().min(1), synonyms: z.array(z.string().min(1)).default([]) }).strict();

export const modelSource = z
  .object({
    invocationName: z.string().min(1),
    /** The people a sample with "<I>" is said about: the listener first, then the people a carer asks for. */
    persons: z.array(person).min(1),
    /** Pairs of samples in different intents that differ by one word and are kept apart on purpose. */
    keptApart: z.array(z.object({ samples: z.tuple([z.string(), z.string()]), why: z.string().min(1) }).strict()).default([]),
    intents: z.record(
      z.string(),
      z
        .object({
          slots: z.record(z.string(), z.string()).default({}),
          samples: z.array(z.string().min(1)).default([]),
          /** Samples only a carer says ("<I> told me <he> …"): expanded over every person but the listener. */
          aboutSomeoneElse: z.array(z.string().min(1)).default([]),
        })
        .strict(),
    ),
    types: z.record(z.string(), z.array(slotValue).min(1)).default({}),
  })
  .strict();
export type ModelSource = z.infer<typeof modelSource>;

const PERSON_TOKEN = /<([^<>]+)>/g;
const GROUP = /\(([^()]*)\)/g;

/**
 * The sentences a template stands for. Groups and persons are zipped, not multiplied: the k-th sentence takes
 * the k-th alternative of every group (and the k-th person), cycling, until every alternative and every person
 * has been used once. A statistical NLU needs each word in context, not every combination of them, and a
 * product would make thousands of near-identical samples.
 */
export function expandTemplate(template: string, persons: Person[]): string[] {
  const hasPerson = /<[^<>]+>/.test(template);
  // Groups may nest ("(the pain (is|was) bad|)"); the innermost are chosen first, pass by pass.
  const choose = (k: number, sizes: number[]) => {
    let text = template;
    while (/\([^()]*\)/.test(text)) {
      text = text.replace(GROUP, (_, body: string) => {
        const choices = body.split('|');
        sizes.push(choices.length);
        return choices[k % choices.length];
      });
    }
    return text;
  };
  const sizes: number[] = [];
  choose(0, sizes);
  const count = Math.max(1, ...sizes, hasPerson ? persons.length : 1);
  const sentences: string[] = [];
  for (let k = 0; k < count; k += 1) {
    const person = persons[k % persons.length];
    sentences.push(
      tidy(
        choose(k, []).replace(PERSON_TOKEN, (_, form: string) => {
          if (!(form in person)) throw new Error(`"${template}": <${form}> is not a person form (${personForms.join(', ')})`);
          return person[form as keyof Person];
        }),
      ),
    );
  }
  return sentences;
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The JSON Alexa takes, with every template expanded; duplicates an expansion makes within an intent are dropped. */
export function buildInteractionModel(source: ModelSource): object {
  const intents = Object.entries(source.intents).map(([name, intent]) => {
    const others = source.persons.slice(1);
    const samples = [...new Set([...intent.samples.flatMap((t) => expandTemplate(t, source.persons)), ...intent.aboutSomeoneElse.flatMap((t) => expandTemplate(t, others))])];
    const slots = Object.entries(intent.slots).map(([slot, type]) => ({ name: slot, type }));
    return { name, ...(slots.length ? { slots } : {}), samples };
  });
  const types = Object.entries(source.types).map(([name, values]) => ({
    name,
    values: values.map((v) => ({ id: v.id, name: { value: v.value, ...(v.synonyms.length ? { synonyms: v.synonyms } : {}) } })),
  }));
  return { interactionModel: { languageModel: { invocationName: source.invocationName, intents, types } } };
}
