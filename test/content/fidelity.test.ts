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
const SKILL_OWN_SENTENCES = [/^I can tell you about/, /^This information comes from/, /^The page (was reviewed|says it is being reviewed)/, /^I can't (answer|advise|tell)/, /^(Your specialist team|Only your doctor) can\.$/, /^The page doesn't (say|describe)/, /^Your doctor or specialist nurse can tell you/];
const HEDGES = ['may', 'might', 'can', 'could', 'usually', 'occasionally', 'sometimes', 'some', 'most', 'often', 'not all', 'any'];
const CERTAINTIES = ['will', 'always', 'all', 'never', 'must', 'every', 'cure'];

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);
const has = (sentence: string, term: string) => ` ${words(sentence).join(' ')} `.includes(` ${term} `);
const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.?!])\s+|\n+|•/)
    .map((s) => s.replace(/^What the page says is this:\s*/i, '').trim())
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

/** Every spoken sentence taken from the page: topic parts and list intros. */
const spoken: [string, string][] = Object.values(content.entries).flatMap((entry) => {
  const texts = entry.kind === 'topic' ? entry.parts : [entry.intro];
  return texts.flatMap(sentencesOf).filter((s) => !SKILL_OWN_SENTENCES.some((r) => r.test(s))).map((s): [string, string] => [entry.id, s]);
});

describe('every sentence keeps the page’s hedges and adds no certainty', () => {
  it('has sentences to check', () => {
    expect(spoken.length).toBeGreaterThan(40);
  });

  it.each(spoken)('%s: "%s"', (_id, sentence) => {
    const source = bestSource(sentence);
    const lost = HEDGES.filter((h) => has(source, h) && !has(sentence, h));
    const added = CERTAINTIES.filter((c) => has(sentence, c) && !has(source, c));
    expect({ sentence, source, lost, added }).toEqual({ sentence, source, lost: [], added: [] });
  });
});

describe('the check itself', () => {
  it.each([
    ['a dropped "may"', 'You have surgery to strengthen a weakened bone.'],
    ['a dropped "occasionally"', 'Secondary bone cancer can be found before the primary cancer is diagnosed.'],
    ['an added certainty', 'You will be offered radiotherapy, painkillers or other medication.'],
    ['"usually" made absolute', 'Managing the symptoms of secondary bone cancer is always an important part of your treatment.'],
  ])('catches %s', (_what, altered) => {
    const source = bestSource(altered);
    const lost = HEDGES.filter((h) => has(source, h) && !has(altered, h));
    const added = CERTAINTIES.filter((c) => has(altered, c) && !has(source, c));
    expect(lost.length + added.length).toBeGreaterThan(0);
  });
});
