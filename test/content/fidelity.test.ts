/**
 * Fidelity to the page, beyond shared words: every sentence the skill speaks from content is matched to
 * the page sentence it comes from, and must keep that sentence's hedges ("may", "usually", "occasionally",
 * "some" …) and add no certainty the page does not have ("will", "always", "all", "never", "must").
 * A dropped "may" changes a medical meaning while leaving most words the same; this is what catches it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compiledContent as content } from '../../lambda/content/compiled';

const SOURCE = fs.readFileSync(path.resolve(__dirname, '../../content/source-page.txt'), 'utf8');
/** Answers written for the skill rather than taken from the page (see content/CHANGES.md): checked by their page parts. */
const SKILL_OWN_SENTENCES = [/^I can tell you about/, /^This information comes from/, /^The page (was reviewed|says it is being reviewed)/, /^I can't (answer|advise|tell)/, /^(Your specialist team|Only your doctor) can\.$/, /^The page doesn't (say|describe)/, /^Your doctor or specialist nurse can tell you/, /^that date has passed/];
const HEDGES = ['may', 'might', 'can', 'could', 'usually', 'occasionally', 'sometimes', 'some', 'most', 'often', 'not all', 'any'];
const CERTAINTIES = ['will', 'always', 'all', 'never', 'must', 'every', 'cure'];

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);
const has = (sentence: string, term: string) => ` ${words(sentence).join(' ')} `.includes(` ${term} `);
const sentencesOf = (text: string) =>
  text
    // "…: your specialist team can; the page says …" joins the skill's own words to the page's in one sentence, so
    // that the page's come first too: the page's part is checked on its own.
    .replace(/;\s+the page says (?:that )?/g, '\n')
    .split(/(?<=[.?!])\s+|\n+|•/)
    .map((s) => s.trim())
    .filter((s) => words(s).length >= 4);

const pageSentences = sentencesOf(SOURCE);

/** The page sentence sharing most words with `sentence`, by overlap of distinct words. */
function bestSource(sentence: string): string {
  const mine = new Set(words(sentence));
  let best = '';
  let bestScore = -1;
  for (const candidate of pageSentences) {
    const theirs = new Set(words(candidate));
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    const score = shared / Math.max(mine.size, theirs.size);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

/**
 * A spoken sentence may join two of the page's ("The most common symptom … is pain, and the amount of pain will
 * vary …"), to put the point first: each joined clause is checked against its own page sentence.
 */
const clausesOf = (sentence: string) =>
  sentence
    .split(/[,;] (?=(?:and|but) (?:the|a|an|it|its|their|this|that|they|you|your|some|any|controlling|many|most|not)\b)|: |; /)
    .map((c) => c.replace(/^(and|but) /, '').trim())
    .filter((c) => words(c).length >= 4 && !SKILL_OWN_SENTENCES.some((r) => r.test(c)));

/** Every spoken sentence taken from the page: topic parts (and an honest answer's lead into a named item) and list intros. */
const spoken: [string, string][] = Object.values(content.entries).flatMap((entry) => {
  const texts = entry.kind === 'topic' ? [...entry.parts, ...(entry.withItem ? [entry.withItem] : [])] : [entry.intro];
  return texts
    .flatMap(sentencesOf)
    .filter((s) => !SKILL_OWN_SENTENCES.some((r) => r.test(s)))
    .map((s): [string, string] => [entry.id, s]);
});

/**
 * The hedges a sentence lost and the certainties it added, against the page sentence it comes from. A sentence that is
 * the page sentence's first clauses word for word (cut at a comma) is held only to the hedges of those clauses: a hedge
 * binds the clause it is in ("… or occasionally to remove a secondary cancer" is not said, so neither is its hedge).
 */
function departures(sentence: string) {
  const source = bestSource(sentence);
  const cut = sentence.replace(/[.?!]$/, '');
  const scope = source.replace(/\s+/g, ' ').startsWith(`${cut},`) ? cut : source;
  return { sentence, source, lost: HEDGES.filter((h) => has(scope, h) && !has(sentence, h)), added: CERTAINTIES.filter((c) => has(sentence, c) && !has(source, c)) };
}

/** A sentence keeps the page's meaning if it does as a whole or, where it joins clauses, each does against its own page sentence. */
function fidelityProblems(sentence: string) {
  const clauses = clausesOf(sentence);
  return (clauses.length > 1 ? clauses : [sentence]).map(departures).filter((d) => d.lost.length + d.added.length > 0);
}

describe('every sentence keeps the page’s hedges and adds no certainty', () => {
  it('has sentences to check', () => {
    expect(spoken.length).toBeGreaterThan(40);
  });

  it.each(spoken)('%s: "%s"', (_id, sentence) => {
    expect(fidelityProblems(sentence)).toEqual([]);
  });
});

describe('the check itself', () => {
  it.each([
    ['a dropped "may"', 'You have surgery to strengthen a weakened bone.'],
    ['a dropped "occasionally"', 'Secondary bone cancer can be found before the primary cancer is diagnosed.'],
    ['an added certainty', 'You will be offered radiotherapy, painkillers or other medication.'],
    ['"usually" made absolute', 'Managing the symptoms of secondary bone cancer is always an important part of your treatment.'],
    ['a dropped "may" in a joined clause', 'The most common symptom of secondary bone cancer is pain, and you have surgery to strengthen a weakened bone.'],
  ])('catches %s', (_what, altered) => {
    expect(fidelityProblems(altered).length).toBeGreaterThan(0);
  });
});
