/**
 * Fidelity beyond the answers: every other string the skill speaks (content/ui.yaml, follow-up questions, list
 * counts, intros, names and titles, the contacts table) adds no medical claim. Each of its words is on the page, or
 * is one of the skill's own words for steering a conversation (listed here, with nothing medical among them), or
 * comes from the per-locale contacts table; and none says more certainly than the page does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compiledContent as content } from '../../lambda/content/compiled';

const SOURCE = fs.readFileSync(path.resolve(__dirname, '../../content/source-page.txt'), 'utf8');
const words = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\{[a-zA-Z]+\}/g, ' ').replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);
/** Plural and verb endings: "scans" is on the page as "scan". */
const stem = (w: string) => w.replace(/'s$/, '').replace(/(ies|es|s|ing|ed)$/, '');

const PAGE = new Set(words(SOURCE).map(stem));
/** The numbers and names from outside the page, each logged in content/CHANGES.md. */
const CONTACTS = new Set(
  Object.values(content.contacts)
    .flatMap((c) => [c.emergency, c.crisis, c.urgent, c.support].flatMap((line) => (line ? words([line.number, 'name' in line ? line.name : '', 'hours' in line ? line.hours : '', c.emergency.said ?? ''].join(' ')) : [])))
    .map(stem),
);

/** Where the information comes from and where the listener is: said once outside the UK (content/locales.yaml). */
const WHERE_FROM = new Set('uk charity comes supports people arranged different where live'.split(' ').map(stem));

/**
 * The skill's own words for steering a conversation: greetings, commands it teaches ("repeat", "stop"), questions,
 * pace and list words. None names a symptom, a test, a treatment or an outcome.
 */
const STEERING = new Set(
  (
    'welcome back bone secondaries guide hear hearing heard like would what which say said saying repeat stop finish next more ' +
    'again name one two three four five six seven eight nine ten number first last rest other others topics topic list ' +
    'question questions ask asked answer yes no please sorry catch didn understand understood slower faster normal speed ' +
    'pace slowest fastest speaking speak reading read them all every include includes including help helping urgent now ' +
    'call number anyone emergency immediate danger line free day night week days seven eight morning go going back start ' +
    'over beginning tell told i you your me my it that this those these is are was be been am do does did not can can\'t ' +
    'couldn t isn doesn don the a an and or of to in on for with about as at by from if so but just then there here how ' +
    'want wanted try something else still such example instead already time times say that\'s would you\'re i\'m ' +
    'let let\'s get got know things thing what\'s kind own way ways through through alone things nothing ' +
    'another right yet i\'ll didn\'t page look having anything wrong went take slowly situation second need moment ' +
    'might little less isn\'t haven\'t don\'t doesn\'t mention separate open touch goodbye gives end each choose available known cover covered plans decisions care expect ' +
    // The disclaimer Amazon's policy asks for, and the refusal of a locale the skill does not serve.
    'medical advice english united kingdom'
  )
    .split(' ')
    .map(stem),
);

/** Subjects of questions the page does not answer, named only to say so ("side effects of treatment"). */
const UNANSWERED_SUBJECTS = new Set(['side', 'effects', 'broken', 'outlook'].map(stem));

const CERTAINTIES = ['always', 'never', 'must', 'cure', 'cured', 'guaranteed', 'definitely'];

/** Every string the skill can say that is not an answer's own text, with where it comes from. */
function spokenStrings(): [string, string][] {
  const strings: [string, string][] = Object.entries(content.ui).map(([key, text]) => [`ui.${key}`, text]);
  // What each locale says instead of the page's words, and its note on where the information comes from.
  for (const [locale, { wording, welcomeNote }] of Object.entries(content.locales)) {
    strings.push(...Object.entries(wording).map(([from, to]): [string, string] => [`${locale}: "${from}"`, to]));
    if (welcomeNote) strings.push([`${locale}.welcomeNote`, welcomeNote]);
  }
  for (const entry of Object.values(content.entries)) {
    strings.push([`${entry.id}.name`, entry.name], [`${entry.id}.title`, entry.title]);
    if (entry.kind === 'topic' && entry.offer) strings.push([`${entry.id}.offer`, entry.offer.question]);
    if (entry.kind === 'topic' && entry.withItem) strings.push([`${entry.id}.withItem`, entry.withItem]);
    if (entry.kind === 'list') {
      strings.push([`${entry.id}.intro`, entry.intro], [`${entry.id}.noun`, `${entry.noun.one} ${entry.noun.many}`]);
      if (entry.after) strings.push([`${entry.id}.after`, entry.after.question]);
    }
  }
  return strings;
}

/** The words of `text` that are on no list: not the page's, not steering, not a contact, not an unanswered subject. */
const unknownWords = (text: string) => words(text).filter((w) => !/^\d+$/.test(w) && ![PAGE, STEERING, CONTACTS, UNANSWERED_SUBJECTS, WHERE_FROM].some((known) => known.has(stem(w))));

describe('every string the skill speaks besides the answers adds no medical claim', () => {
  const strings = spokenStrings();

  it('has the UI, the follow-up questions and the lists to check', () => {
    expect(strings.filter(([where]) => where.startsWith('ui.')).length).toBeGreaterThan(40);
    expect(strings.filter(([where]) => where.endsWith('.offer')).length).toBeGreaterThan(10);
  });

  it.each(strings)('%s: every word is on the page, a steering word or a contact', (_where, text) => {
    expect({ text, unknown: unknownWords(text) }).toEqual({ text, unknown: [] });
  });

  it.each(strings)('%s: says nothing more certainly than the page', (_where, text) => {
    const said = ` ${words(text).join(' ')} `;
    const certain = CERTAINTIES.filter((c) => said.includes(` ${c} `) && !/rather than cure it/.test(text));
    expect({ text, certain }).toEqual({ text, certain: [] });
  });

  it('the check itself finds a medical word that is not on the page', () => {
    const invented = 'Would you like to hear about chemo side effects and nausea?';
    expect(unknownWords(invented)).toEqual(expect.arrayContaining(['chemo', 'nausea']));
  });
});
