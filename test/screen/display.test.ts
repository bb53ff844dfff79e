/**
 * Screens, with the real Lambda handler: a device that declares Alexa.Presentation.APL gets, with every answer, one
 * RenderDocument directive showing the words it says (and, under a list, its items to touch); a device without one gets
 * none; and what is said is the same either way. The document is checked as data: every binding it makes resolves
 * against the datasource the skill sent, every resource it names is defined for every viewport, and its colours and
 * sizes stay large and high-contrast on each kind of screen.
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { LaunchRequestBuilder } from 'ask-sdk-test';
import type { RequestEnvelope } from 'ask-sdk-model';
import { answers } from '../../lambda/content/answers';
import { DISPLAY_TITLE, displayData, hasDisplay, listShown } from '../../lambda/display/display';
import { DISPLAY_DOCUMENT, DISPLAY_TOKEN } from '../../lambda/display/document';
import { textOf, type Ssml } from '../../lambda/speech/ssml';
import { type Answer, conversation, type Conversation, entryOf, listOf, TEST_SETTINGS, uiText, withScreen } from '../support/conversation';
import { directivesOf, documentExpressions, itemsOf, pathsFrom, renderOf, resolve, screenOf, screenText, stringsIn } from './helpers';

/** One conversation that meets every kind of reply: welcome, topic, list groups, item, help, safety, all, sorry, pace, goodbye. */
const SCRIPT: readonly [string, Record<string, { value: string; id: string }>?][] = [
  ['LaunchRequest'],
  ['SymptomsIntent'],
  ['TestsIntent'],
  ['AMAZON.YesIntent'],
  ['TestDetailIntent', { test: { value: 'the c t scan', id: 'ct-scan' } }],
  ['AMAZON.HelpIntent'],
  ['EmergencyIntent'],
  ['CrisisIntent'],
  ['ReadAllIntent'],
  ['TopicsIntent'],
  ['AMAZON.FallbackIntent'],
  ['AMAZON.FallbackIntent'],
  ['AMAZON.RepeatIntent'],
  ['SpeakSlowerIntent'],
  ['AboutIntent'],
  ['AMAZON.StopIntent'],
];

async function play(c: Conversation): Promise<Answer[]> {
  for (const [name, slots] of SCRIPT) await (name === 'LaunchRequest' ? c.launch() : c.intent(name, slots));
  return [...c.transcript];
}

/** What the listener hears and the session carries: the whole response but its directives. */
const heardPart = (a: Answer) => {
  const { directives: _directives, ...response } = a.response.response;
  return { response, attributes: a.attributes };
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

let withScreenAnswers: Answer[];
let withoutScreenAnswers: Answer[];

beforeAll(async () => {
  withScreenAnswers = await play(conversation({ screen: true }));
  withoutScreenAnswers = await play(conversation());
});

describe('a directive exactly when the device has a screen', () => {
  it('a device that declares APL gets one RenderDocument with every answer, the goodbye too', () => {
    expect(withScreenAnswers).toHaveLength(SCRIPT.length);
    for (const a of withScreenAnswers) {
      const directive = renderOf(a);
      expect(directive.token).toBe(DISPLAY_TOKEN);
      expect(directive.document).toEqual(DISPLAY_DOCUMENT);
    }
    expect(withScreenAnswers[withScreenAnswers.length - 1].endSession).toBe(true);
  });

  it('a device without one gets no directive at all', () => {
    for (const a of withoutScreenAnswers) expect(directivesOf(a)).toEqual([]);
  });

  it('a device with other interfaces (the old Display template, video, audio) but not APL gets none', async () => {
    const envelope = new LaunchRequestBuilder({ ...TEST_SETTINGS, interfaces: { display: true, video: true, audio: true } }).build();
    expect(directivesOf(await conversation().raw(envelope))).toEqual([]);
  });

  it('nothing is shown when nothing is said: a SessionEndedRequest on a screen device', async () => {
    const c = conversation({ screen: true });
    await c.launch();
    expect(directivesOf(await c.sessionEnded())).toEqual([]);
  });

  it('what is said, reprompted, carded and kept in the session is the same with and without a screen', () => {
    expect(withScreenAnswers.map(heardPart)).toEqual(withoutScreenAnswers.map(heardPart));
  });

  it('reads the device from the envelope, and a malformed envelope has no screen', () => {
    const launch = () => new LaunchRequestBuilder(TEST_SETTINGS).build();
    expect(hasDisplay(withScreen(launch()))).toBe(true);
    expect(hasDisplay(launch())).toBe(false);
    const declaredOddly = launch();
    (declaredOddly.context.System.device?.supportedInterfaces as Record<string, unknown>)['Alexa.Presentation.APL'] = true;
    expect(hasDisplay(declaredOddly)).toBe(false);
    expect(hasDisplay({ version: '1.0' } as unknown as RequestEnvelope)).toBe(false);
  });

  // Found by a review: a device whose APL runtime is older than the document's version was still sent the document.
  it.each([
    ['1.1', false],
    ['2023.2', false],
    [DISPLAY_DOCUMENT.version, true],
    ['2025.1', true],
    [undefined, true],
    ['not a version', true],
  ])('a device whose APL runtime goes up to %s gets the document: %s', (maxVersion, shown) => {
    const envelope = withScreen(new LaunchRequestBuilder(TEST_SETTINGS).build());
    (envelope.context.System.device?.supportedInterfaces as Record<string, unknown>)['Alexa.Presentation.APL'] = maxVersion === undefined ? {} : { runtime: { maxVersion } };
    expect(hasDisplay(envelope)).toBe(shown);
  });
});

describe('what the screen shows is what is said', () => {
  it('the text rows are the speech and its question, as written, in the order said', () => {
    for (const a of withScreenAnswers) {
      expect(screenText(screenOf(a))).toBe(oneLine(textOf(a.ssml as Ssml)));
      expect(screenText(screenOf(a))).not.toMatch(/[<>]/);
    }
  });

  it('the question is a row of its own, the last text row, whenever the session stays open', () => {
    for (const a of withScreenAnswers) {
      const kinds = screenOf(a).rows.filter((row) => row.kind !== 'item').map((row) => row.kind);
      expect(kinds[kinds.length - 1]).toBe(a.endSession === false ? 'asked' : 'said');
    }
  });

  it('the title is the card title where there is one, else the title of the list shown, else the skill name', () => {
    /** The list whose items a screen shows, if it shows any. */
    const listTitleOf = (a: Answer) => {
      const ids = itemsOf(screenOf(a)).map((row) => row.id);
      return ids.length ? ['tests', 'treatments', 'topics'].map(listOf).find((list) => list.items.join() === ids.join())?.title : undefined;
    };
    for (const a of withScreenAnswers) {
      const card = a.card?.type === 'Simple' ? a.card.title : undefined;
      expect(screenOf(a).title).toBe(card ?? listTitleOf(a) ?? DISPLAY_TITLE);
    }
    expect(screenOf(withScreenAnswers[1]).title).toBe(entryOf('symptoms').title);
  });

  it('a word said by its alias is shown as written: the CT scan', () => {
    const ct = withScreenAnswers[4];
    expect(screenOf(ct).title).toBe('CT scan');
    expect(screenText(screenOf(ct))).toMatch(/\bCT\b/);
    expect(ct.text).not.toMatch(/\bCT\b/);
  });

  it('a reply that is only its question (the second "sorry" offers the topics) shows only the question, over the list still on screen', () => {
    const offer = screenOf(withScreenAnswers[11]);
    expect(offer.rows.filter((row) => row.kind !== 'item')).toEqual([{ kind: 'asked', text: uiText('fallbackOfferTopics'), id: '' }]);
    expect(itemsOf(offer).map((row) => row.id)).toEqual(listOf('topics').items);
  });

  it('the goodbye is shown alone, with no question', () => {
    const goodbye = screenOf(withScreenAnswers[withScreenAnswers.length - 1]);
    expect(goodbye).toEqual({ title: DISPLAY_TITLE, rows: [{ kind: 'said', text: uiText('goodbye'), id: '' }] });
  });
});

describe('lists are shown as items to touch', () => {
  it.each([
    ['the tests, first group', 2, 'tests'],
    ['the tests, next group', 3, 'tests'],
    ['every name at once', 8, 'tests'],
    ['the topics', 9, 'topics'],
  ])('%s: every item of the list, in order, by its title', (_what, turn, id) => {
    const items = itemsOf(screenOf(withScreenAnswers[turn]));
    expect(items.map((row) => row.id)).toEqual(listOf(id).items);
    expect(items.map((row) => row.text)).toEqual(listOf(id).items.map((item) => entryOf(item).title));
  });

  it('answers that are not lists show no items; a notice said while a list is on screen keeps it', () => {
    for (const turn of [0, 1, 4, 5, 6, 7, 14, 15]) expect(itemsOf(screenOf(withScreenAnswers[turn]))).toEqual([]);
    for (const turn of [10, 11, 13]) expect(itemsOf(screenOf(withScreenAnswers[turn])).map((row) => row.id)).toEqual(listOf('topics').items);
  });

  it('which list a place shows: a list, every name of one, nothing else', () => {
    expect(listShown(answers, { id: 'tests', step: 1 })?.id).toBe('tests');
    expect(listShown(answers, { screen: 'all', list: 'treatments', from: 0 })?.id).toBe('treatments');
    expect(listShown(answers, { id: 'bone-scan', step: 0 })).toBeUndefined();
    expect(listShown(answers, { screen: 'help' })).toBeUndefined();
    expect(listShown(answers, { id: 'no-such-entry', step: 0 })).toBeUndefined();
    expect(listShown(answers, undefined)).toBeUndefined();
  });

  // Found by a review: a "sorry" or a pace change while a list was on screen took its buttons away, just when a
  // listener who was stuck would touch one.
  it.each([
    ['a misunderstanding', 'AMAZON.FallbackIntent', 'treatments'],
    ['a pace change', 'SpeakSlowerIntent', 'tests'],
  ])('a notice while a list is on screen (%s) keeps its items to touch, and the list as its title', async (_what, intent, list) => {
    const c = conversation({ screen: true });
    await c.launch();
    await c.intent(list === 'tests' ? 'TestsIntent' : 'TreatmentsIntent');
    const screen = screenOf(await c.intent(intent));
    expect(itemsOf(screen).map((row) => row.id)).toEqual(listOf(list).items);
    expect(screen.title).toBe(listOf(list).title);
  });

  it('"read them all" shows the list\'s title over its items', async () => {
    const c = conversation({ screen: true });
    await c.launch();
    await c.intent('TreatmentsIntent');
    const screen = screenOf(await c.intent('ReadAllIntent'));
    expect(itemsOf(screen).map((row) => row.id)).toEqual(listOf('treatments').items);
    expect(screen.title).toBe(listOf('treatments').title);
  });

  it('a list shown without a card still has every item', () => {
    const reply = { kind: 'ask' as const, speech: { ssml: 'Hello.' as Ssml, words: 1, breakMs: 0 }, question: { ssml: 'Which?' as Ssml, words: 1, breakMs: 0 }, reprompt: { ssml: 'Which?' as Ssml, words: 1, breakMs: 0 } };
    const data = displayData(reply, answers, listOf('treatments'));
    expect(data.title).toBe(listOf('treatments').title);
    expect(displayData(reply, answers).title).toBe(DISPLAY_TITLE);
    expect(itemsOf(data).map((row) => row.id)).toEqual(listOf('treatments').items);
  });
});

describe('the document and its datasource', () => {
  const sequencePath = stringsIn(DISPLAY_DOCUMENT).find(({ text }) => text === '${payload.guide.rows}')?.path.replace(/\.data$/, '');

  it('is plain APL: no imports, a version of 2024, one payload parameter, under 3 KB as JSON', () => {
    expect(DISPLAY_DOCUMENT.type).toBe('APL');
    expect(DISPLAY_DOCUMENT.version).toMatch(/^2024\.\d$/);
    expect(DISPLAY_DOCUMENT).not.toHaveProperty('import');
    expect(DISPLAY_DOCUMENT.mainTemplate.parameters).toEqual(['payload']);
    expect(JSON.stringify(DISPLAY_DOCUMENT).length).toBeLessThan(3 * 1024);
  });

  it('every directive is JSON as sent (nothing lost on the way), and every response stays under 24 KB', () => {
    for (const a of withScreenAnswers) {
      const directive = renderOf(a);
      expect(JSON.parse(JSON.stringify(directive))).toEqual(directive);
      expect(Buffer.byteLength(JSON.stringify(a.response))).toBeLessThanOrEqual(24 * 1024);
    }
  });

  it('reads only the payload, the row, the viewport and the component state', () => {
    const roots = new Set(documentExpressions().flatMap(({ expression }) => [...expression.matchAll(/(?<![\w.@'])[A-Za-z_]\w*/g)].map((m) => m[0])));
    expect([...roots].sort()).toEqual(['data', 'payload', 'state', 'viewport']);
  });

  it('every ${payload…} binding resolves against the datasource of every reply', () => {
    const paths = documentExpressions().flatMap(({ expression }) => pathsFrom(expression, 'payload'));
    expect(paths.length).toBeGreaterThan(1);
    for (const a of withScreenAnswers) {
      const payload = renderOf(a).datasources;
      for (const path of paths) expect({ path, value: typeof resolve(payload, path) }).not.toEqual({ path, value: 'undefined' });
    }
  });

  it('every ${data…} binding is inside the list of rows, and resolves on every row of every reply', () => {
    const bindings = documentExpressions().flatMap(({ path, expression }) => pathsFrom(expression, 'data').map((names) => ({ path, names })));
    expect(bindings.length).toBeGreaterThan(3);
    for (const { path } of bindings) expect(sequencePath && path.startsWith(`${sequencePath}.items`)).toBe(true);
    for (const a of withScreenAnswers) {
      for (const row of screenOf(a).rows) {
        for (const { names } of bindings) expect({ names, value: typeof resolve(row, names) }).toEqual({ names, value: 'string' });
      }
    }
  });

  it('every resource it names is defined for every screen, and every style it names exists', () => {
    const [always, ...conditional] = DISPLAY_DOCUMENT.resources;
    const defined = new Set(Object.values(always).flatMap((group) => (typeof group === 'object' ? Object.keys(group) : [])));
    const named = stringsIn(DISPLAY_DOCUMENT).flatMap(({ text }) => [...text.matchAll(/@(\w+)/g)].map((m) => m[1]));
    for (const name of named) expect({ name, defined: defined.has(name) }).toEqual({ name, defined: true });
    for (const block of conditional) {
      for (const group of Object.values(block)) if (typeof group === 'object') for (const name of Object.keys(group)) expect(defined.has(name)).toBe(true);
    }
    const styles = stringsIn(DISPLAY_DOCUMENT).filter(({ path }) => path.endsWith('.style'));
    expect(styles.length).toBeGreaterThan(0);
    for (const { text } of styles) expect(Object.keys(DISPLAY_DOCUMENT.styles)).toContain(text);
  });

  it('touching an item sends the item event with the row id', () => {
    const onPress = stringsIn(DISPLAY_DOCUMENT).filter(({ path }) => path.includes('.onPress.'));
    expect(onPress.map(({ text }) => text)).toEqual(['SendEvent', 'item', '${data.id}']);
  });
});

/** The resources a viewport gets: the blocks whose `when` holds for it, later ones winning, as APL applies them. */
function resourcesFor(viewport: { width: number; height: number; shape: string; mode: string }): Record<string, string | number> {
  const chosen: Record<string, string | number> = {};
  for (const block of DISPLAY_DOCUMENT.resources) {
    const condition = 'when' in block && block.when ? block.when.replace(/^\$\{|\}$/g, '') : 'true';
    if (!(new Function('viewport', `return (${condition});`) as (v: typeof viewport) => boolean)(viewport)) continue;
    for (const group of Object.values(block)) if (typeof group === 'object') Object.assign(chosen, group);
  }
  return chosen;
}

/** sRGB relative luminance and WCAG contrast ratio. */
const luminance = (hex: string) =>
  [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

describe('large, high-contrast and responsive', () => {
  const VIEWPORTS = {
    'Echo Spot (small round hub)': { width: 480, height: 480, shape: 'round', mode: 'hub', text: 30, align: 'center' },
    'Echo Show 5 (small landscape hub)': { width: 960, height: 480, shape: 'rectangle', mode: 'hub', text: 38, align: 'left' },
    'Echo Show 8 (medium landscape hub)': { width: 960, height: 600, shape: 'rectangle', mode: 'hub', text: 44, align: 'left' },
    'Echo Show 15 (extra-large landscape hub)': { width: 1920, height: 1080, shape: 'rectangle', mode: 'hub', text: 52, align: 'left' },
    'Fire TV': { width: 960, height: 540, shape: 'rectangle', mode: 'tv', text: 38, align: 'left' },
    'a phone held upright': { width: 400, height: 800, shape: 'rectangle', mode: 'mobile', text: 34, align: 'left' },
  } as const;

  it.each(Object.entries(VIEWPORTS))('%s: its own text size and alignment, the title larger, padding inside the screen', (_device, { text, align, ...viewport }) => {
    const chosen = resourcesFor(viewport);
    expect({ text: chosen.text, align: chosen.align }).toEqual({ text, align });
    expect(Number(chosen.title)).toBeGreaterThan(Number(chosen.text));
    expect(chosen.pad).toBeGreaterThanOrEqual(24);
  });

  it('a round screen keeps the text inside the circle; a TV keeps it clear of overscan', () => {
    expect(resourcesFor(VIEWPORTS['Echo Spot (small round hub)']).pad).toBeGreaterThanOrEqual(64);
    expect(resourcesFor(VIEWPORTS['Fire TV']).pad).toBeGreaterThanOrEqual(48);
  });

  it('text and question colours on the background pass WCAG AAA (7:1), even on a pressed button', () => {
    const { colors } = DISPLAY_DOCUMENT.resources[0] as { colors: Record<string, string> };
    for (const colour of [colors.fg, colors.ask]) expect(contrast(colour, DISPLAY_DOCUMENT.background)).toBeGreaterThanOrEqual(7);
    expect(contrast(colors.fg, colors.press)).toBeGreaterThanOrEqual(7);
  });

  it('the skill manifest declares APL, for a viewport of every kind the document is written for', () => {
    const manifest = JSON.parse(readFileSync(resolvePath(__dirname, '../../skill.json'), 'utf8')) as {
      manifest: { apis: { custom: { interfaces: { type: string; supportedViewports?: { mode: string; shape: string; minWidth: number; maxWidth: number; minHeight: number; maxHeight: number }[] }[] } } };
    };
    const apl = manifest.manifest.apis.custom.interfaces.find((i) => i.type === 'ALEXA_PRESENTATION_APL');
    const declared = apl?.supportedViewports ?? [];
    const covers = ({ width, height, shape, mode }: { width: number; height: number; shape: string; mode: string }) =>
      declared.some((v) => v.mode === mode.toUpperCase() && v.shape === shape.toUpperCase() && v.minWidth <= width && width <= v.maxWidth && v.minHeight <= height && height <= v.maxHeight);
    const devices = Object.entries(VIEWPORTS).filter(([, v]) => v.mode !== 'mobile');
    expect(devices.filter(([, v]) => !covers(v)).map(([name]) => name)).toEqual([]);
  });

  it('the test envelope is a real screen device', () => {
    const envelope = withScreen(new LaunchRequestBuilder(TEST_SETTINGS).build());
    expect(envelope.context.System.device?.supportedInterfaces).toHaveProperty(['Alexa.Presentation.APL', 'runtime', 'maxVersion']);
  });
});
