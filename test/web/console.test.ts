/**
 * The web console in a real browser: Debian's Chromium, headless, driven through puppeteer-core. One browser for
 * the file. Speech synthesis and recognition are stubbed in the page, so what the page asks to be said (and at
 * which rate) can be read back, and what "the microphone heard" can be set.
 *
 * What the page shows is checked against a reference conversation held beside it: the same utterances sent
 * through a simulator session of its own (its own memory store, so it lives through the same visits), never
 * against text pasted from a run. Screenshots of a conversation, normal and large text, go to docs/.
 */
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { DEFAULT_USER, SimulatedSession, type SkillHandler, type TurnResult } from '../../tools/simulator/session';
import { localSkill, understandingFor } from '../../tools/simulator/setup';
import { prosodyRate } from '../../tools/simulator/speak';
import { CONSOLE_LIMITS, startConsole } from '../../tools/web/console-server';
import { loadPuppeteer } from './puppeteer';

const CHROMIUM = '/usr/bin/chromium';
const DOCS = path.resolve(__dirname, '../../docs');
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/web: ${CHROMIUM} is absent, so the browser tests are SKIPPED. Install it with: apt-get install chromium (.ci/run does).`);
const inBrowser = haveChromium ? describe : describe.skip;

jest.setTimeout(60_000);

interface Spoken {
  text: string;
  rate: number;
  lang: string;
}

interface ShownTurn {
  heard: string;
  understood: string;
  alexa: string;
  reprompt: string | null;
  card: { title: string | null; text: string | null };
  ssml: string | null;
  ended: boolean;
}

let browser: Browser;
let server: http.Server;
let url: string;
let reference: { handler: SkillHandler; session: (screen: boolean) => SimulatedSession };

/** Stand-ins for the browser's speech, installed before the page's own script runs. */
function installSpeechStubs(recognition: boolean): void {
  const w = window as unknown as Record<string, unknown>;
  const spoken: Spoken[] = [];
  w.__spoken = spoken;
  w.__cancelled = 0;
  class Utterance {
    rate = 1;
    lang = '';
    constructor(public text: string) {}
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      speak: (u: Utterance) => spoken.push({ text: u.text, rate: u.rate, lang: u.lang }),
      cancel: () => {
        w.__cancelled = (w.__cancelled as number) + 1;
      },
    },
  });
  class Recognition {
    lang = '';
    onresult: ((event: unknown) => void) | null = null;
    onend: (() => void) | null = null;
    start() {
      w.__recognitionLang = this.lang;
      setTimeout(() => {
        this.onresult?.({ results: [[{ transcript: w.__nextHeard }]] });
        this.onend?.();
      }, 10);
    }
  }
  for (const name of ['SpeechRecognition', 'webkitSpeechRecognition']) {
    Object.defineProperty(window, name, { value: recognition ? Recognition : undefined, configurable: true, writable: true });
  }
}

async function openPage(options: { recognition?: boolean } = {}): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (request) => {
    requested.push(request.url());
  });
  await page.setViewport({ width: 1000, height: 900 });
  await page.evaluateOnNewDocument(installSpeechStubs, options.recognition ?? true);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, requested };
}

const turnCount = (page: Page) => page.$$eval('#transcript .turn', (turns) => turns.length);

/** The last turn as the page shows it. */
function lastTurn(page: Page): Promise<ShownTurn> {
  return page.$eval('#transcript .turn:last-of-type', (li) => {
    const text = (selector: string) => li.querySelector(selector)?.textContent ?? null;
    return {
      heard: text('.heard-text') ?? '',
      understood: text('.intent-text') ?? '',
      alexa: text('.alexa-text') ?? '',
      reprompt: text('.reprompt-text'),
      card: { title: text('.card-text'), text: text('.card-body') },
      ssml: text('details.ssml pre'),
      ended: li.querySelector('.ended') !== null,
    };
  });
}

/** Waits for one more turn, and returns it. */
async function nextTurn(page: Page, before: number): Promise<ShownTurn> {
  await page.waitForFunction((n: number) => document.querySelectorAll('#transcript .turn').length > n, {}, before);
  return lastTurn(page);
}

/** Types into the text box and presses Enter, as a listener at a keyboard would. */
async function say(page: Page, words: string): Promise<ShownTurn> {
  const before = await turnCount(page);
  await page.click('#say-text');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  return nextTurn(page, before);
}

const spokenIn = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.slice());
const lastSpoken = async (page: Page) => (await spokenIn(page)).at(-1);
const message = (page: Page) => page.$eval('#message', (p) => p.textContent ?? '');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** What the page should show for a turn of the reference conversation. */
function expectShown(shown: ShownTurn, expected: TurnResult): void {
  expect(shown.heard).toBe(expected.heard);
  expect(shown.understood.startsWith(expected.request.intent ?? expected.request.type)).toBe(true);
  for (const [name, slot] of Object.entries(expected.request.slots ?? {})) expect(shown.understood).toContain(`${name}: "${slot.value}" → ${slot.id ?? '(no match)'}`);
  expect(shown.alexa).toBe(expected.text || '(says nothing)');
  expect(shown.reprompt).toBe(expected.reprompt);
  expect(shown.card).toEqual({ title: expected.card?.title ?? null, text: expected.card?.text ?? null });
  expect(shown.ssml).toBe(expected.ssml);
  expect(shown.ended).toBe(expected.endSession);
}

async function axeViolations(page: Page): Promise<unknown[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: the page itself loads nothing else.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
  });
}

inBrowser('the web console in a browser', () => {
  beforeAll(async () => {
    const started = await startConsole({ store: 'memory' });
    server = started.server;
    url = started.url;
    const { model, understander } = await understandingFor('en-GB');
    const handler = localSkill('memory');
    reference = { handler, session: (screen) => new SimulatedSession(handler, model, understander, { screen, userId: DEFAULT_USER }) };
    browser = await loadPuppeteer().launch({
      executablePath: CHROMIUM,
      userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'web-console-chromium-')),
      // As root Chromium needs --no-sandbox; this machine's network is closed, and background connections would hang.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  describe('one conversation, typed', () => {
    let page: Page;
    let requested: string[];
    // The same listener as the page's, in the reference: what the page says must be what the skill says.
    let expected: SimulatedSession;
    let mri: TurnResult;

    beforeAll(async () => {
      ({ page, requested } = await openPage());
      expected = reference.session(false);
    });
    afterAll(() => page.close());

    it('serves everything from itself, under a policy that allows only itself, with its icon as favicon', async () => {
      const response = await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self';/);
      expect(response?.headers()['content-security-policy']).not.toMatch(/https?:|\*|unsafe/);
      const origin = new URL(url).origin;
      expect(requested.filter((r) => new URL(r).origin !== origin)).toEqual([]);
      const icon = await page.$eval('link[rel="icon"]', (link) => (link as HTMLLinkElement).href);
      const served = await page.evaluate(async (href: string) => (await fetch(href)).text(), icon);
      expect(served).toBe(fs.readFileSync(path.resolve(__dirname, '../../assets/icon.svg'), 'utf8'));
    });

    it('a typed question: what was heard, the intent, what Alexa says (read aloud at the pace), the reprompt and the card', async () => {
      const shown = await say(page, 'what tests might I have');
      const turn = await expected.say('what tests might I have');
      expect(turn.request.intent).toBe('TestsIntent');
      expectShown(shown, turn);
      const spoken = await lastSpoken(page);
      expect(spoken).toEqual({ text: expect.any(String), rate: prosodyRate(turn.ssml ?? '') / 100, lang: 'en-GB' });
      expect(spoken?.text).not.toMatch(/[<>]/);
      expect(await focusedId(page)).toBe('say-text');
      // The polite live region announces the answer.
      await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.startsWith('Alexa says:'));
      expect(await page.$eval('#announcer', (a) => [a.getAttribute('aria-live'), a.textContent])).toEqual(['polite', `Alexa says: ${turn.text}`]);
    });

    it('the raw SSML is there on demand, closed until asked for', async () => {
      expect(await page.$eval('#transcript .turn:last-of-type details.ssml', (d) => (d as HTMLDetailsElement).open)).toBe(false);
      await page.click('#transcript .turn:last-of-type details.ssml summary');
      expect(await page.$eval('#transcript .turn:last-of-type details.ssml', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    });

    it('follows a drill-down: "yes", then an item by name, with its slot resolved', async () => {
      expectShown(await say(page, 'yes'), await expected.say('yes'));
      mri = await expected.say('tell me about the MRI scan');
      expect(mri.request).toMatchObject({ intent: 'TestDetailIntent', slots: { test: { id: 'mri-scan' } } });
      expectShown(await say(page, 'tell me about the MRI scan'), mri);
    });

    it('reads <sub> aliases as said, and say-as digits as separate digits', async () => {
      const spoken = (await lastSpoken(page))?.text ?? '';
      const subs = [...(mri.ssml ?? '').matchAll(/<sub alias="([^"]+)">([^<]+)<\/sub>/g)];
      expect(subs.length).toBeGreaterThan(0);
      for (const [, alias, written] of subs) {
        expect(spoken).toContain(alias);
        expect(spoken).not.toContain(written);
      }
      const emergency = await expected.say("I'm in a lot of pain");
      await say(page, "I'm in a lot of pain");
      const digits = [...(emergency.ssml ?? '').matchAll(/<say-as interpret-as="digits">(\d+)<\/say-as>/g)].map((m) => m[1]);
      expect(digits.length).toBeGreaterThan(0);
      for (const number of digits) expect((await lastSpoken(page))?.text).toContain(number.split('').join(' '));
    });

    it('"repeat" says the last answer again, and "slower" slows every answer after it', async () => {
      const before = await lastSpoken(page);
      const repeated = await expected.say('repeat');
      expectShown(await say(page, 'repeat'), repeated);
      expect(await lastSpoken(page)).toEqual(before);

      const slower = await expected.say('speak slower');
      expectShown(await say(page, 'speak slower'), slower);
      const rate = prosodyRate(slower.ssml ?? '');
      expect(rate).toBeLessThan(100);
      expect((await lastSpoken(page))?.rate).toBe(rate / 100);
      expect(await page.$eval('#transcript .turn:last-of-type .alexa .who', (w) => w.textContent)).toContain(`at ${rate}% speed`);
      expectShown(await say(page, 'repeat'), await expected.say('repeat'));
      expect((await lastSpoken(page))?.rate).toBe(rate / 100);
    });

    it('"Stop speaking" and Escape cut the speech off', async () => {
      const cancelled = () => page.evaluate(() => (window as unknown as { __cancelled: number }).__cancelled);
      const first = await cancelled();
      await page.click('#stop-speaking');
      expect(await cancelled()).toBe(first + 1);
      await page.keyboard.press('Escape');
      expect(await cancelled()).toBe(first + 2);
    });

    it('a new session is a return visit: the shorter welcome, at the remembered pace', async () => {
      const paceBefore = (await lastSpoken(page))?.rate;
      await page.click('#new-session');
      await page.waitForFunction(() => document.querySelector('#transcript li:last-child')?.classList.contains('event'));
      await expected.end();
      const welcome = await expected.say('open bone secondaries guide');
      expect(welcome.request.type).toBe('LaunchRequest');
      expectShown(await say(page, 'open bone secondaries guide'), welcome);
      expect((await lastSpoken(page))?.rate).toBe(paceBefore);
      expect(paceBefore).toBeLessThan(1);
    });

    it('bad input gets a clear sentence, never a stack, and the conversation goes on', async () => {
      const turns = await turnCount(page);
      const clear = async () => page.$eval('#say-text', (input) => ((input as HTMLInputElement).value = ''));
      await page.click('#say-text');
      await page.keyboard.press('Enter');
      expect(await message(page)).toMatch(/^Type what you would say/);

      await clear();
      await page.$eval('#say-text', (input, n) => ((input as HTMLInputElement).value = 'tell me about the bone scan '.repeat(n)), Math.ceil(CONSOLE_LIMITS.maxTextLength / 10));
      await page.keyboard.press('Enter');
      expect(await message(page)).toMatch(new RegExp(`characters: say it in under ${CONSOLE_LIMITS.maxTextLength}`));

      await clear();
      await page.type('#say-text', '<script>alert(1)</script> what is myeloma');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (document.getElementById('message')?.textContent ?? '').length > 0);
      expect(await message(page)).toMatch(/plain words/);
      expect(await page.$$('#transcript script')).toEqual([]);

      await page.setRequestInterception(true);
      const refuse = (request: HTTPRequest) => void (request.url().includes('/api/') ? request.abort() : request.continue());
      page.on('request', refuse);
      await clear();
      await page.type('#say-text', 'what is myeloma');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /not answering/.test(document.getElementById('message')?.textContent ?? ''));
      page.off('request', refuse);
      await page.setRequestInterception(false);

      for (const text of [await message(page)]) expect(text).not.toMatch(/\bat \S+:\d+|Error:|TypeError|undefined/);
      expect(await turnCount(page)).toBe(turns);
      expect(await focusedId(page)).toBe('say-text');
    });
  });

  describe('a screen device', () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openPage());
    });
    afterAll(() => page.close());

    it('shows the screen, labelled as an approximation, and a touch sends the same UserEvent as the device', async () => {
      await page.click('#screen');
      await page.waitForFunction(() => document.querySelector('#transcript li:last-child')?.classList.contains('event'));
      const expected = reference.session(true);
      const list = await expected.say('what tests might I have');
      expectShown(await say(page, 'what tests might I have'), list);
      expect(await page.$eval('#screen-panel', (panel) => (panel as HTMLElement).hidden)).toBe(false);
      expect(await page.$eval('#screen-panel', (panel) => panel.textContent)).toMatch(/approximation/i);
      expect(await page.$eval('#screen-view h3', (h) => h.textContent)).toBe(list.screen?.title);
      const items = list.screen?.rows.filter((row) => row.kind === 'item') ?? [];
      expect(await page.$$eval('#screen-view button', (buttons) => buttons.map((b) => [b.textContent, (b as HTMLButtonElement).dataset.id]))).toEqual(items.map((i) => [i.text, i.id]));

      const third = items[2];
      const touched = await expected.touch(third.id, third.text);
      const before = await turnCount(page);
      await page.click(`#screen-view button[data-id="${third.id}"]`);
      expectShown(await nextTurn(page, before), touched);
      expect(await page.$eval('#screen-view', (view) => view.textContent)).toContain(touched.screen?.rows[0].text);
    });

    it('has no WCAG 2.2 AA violations (axe-core, in the page), normal and large text; screenshots for the README', async () => {
      await page.click('#transcript .turn:last-of-type details.ssml summary');
      expect(await axeViolations(page)).toEqual([]);
      fs.mkdirSync(DOCS, { recursive: true });
      await page.screenshot({ path: path.join(DOCS, 'web-console.png'), fullPage: true });
      await page.click('#large-text');
      expect(await page.$eval('html', (html) => html.classList.contains('large'))).toBe(true);
      expect(await page.$eval('#large-text', (b) => b.getAttribute('aria-pressed'))).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(DOCS, 'web-console-large-text.png'), fullPage: true });
      await page.click('#large-text');
    });

    it('respects prefers-reduced-motion', async () => {
      const scrolling = () => page.$eval('html', (html) => getComputedStyle(html).scrollBehavior);
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
      expect(await scrolling()).toBe('smooth');
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      expect(await scrolling()).toBe('auto');
    });

    it('the microphone: what the browser heard is said, in the page\'s locale, and the page says audio may go online', async () => {
      const expected = reference.session(true);
      await expected.say('what tests might I have');
      const heard = await expected.say('what is myeloma');
      await page.evaluate(() => ((window as unknown as { __nextHeard: string }).__nextHeard = 'what is myeloma'));
      const before = await turnCount(page);
      await page.click('#mic');
      const shown = await nextTurn(page, before);
      expect(shown.heard).toBe('what is myeloma');
      expect(shown.understood.startsWith(heard.request.intent ?? '')).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __recognitionLang: string }).__recognitionLang)).toBe('en-GB');
      expect(await page.$eval('#mic-note', (n) => n.textContent)).toMatch(/online service/);
    });
  });

  it('the locale switch starts a new session through that locale\'s model, numbers and voice', async () => {
    const { page } = await openPage();
    const { model, understander } = await understandingFor('en-US');
    const expected = new SimulatedSession(reference.handler, model, understander, { locale: 'en-US', userId: DEFAULT_USER });
    expect(await page.$$eval('#locale option', (options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['en-AU', 'en-CA', 'en-GB', 'en-IN', 'en-US']);
    await page.select('#locale', 'en-US');
    await page.waitForFunction(() => /en-US/.test(document.querySelector('#transcript li:last-child.event')?.textContent ?? ''));
    const emergency = await expected.say("I'm in a lot of pain");
    expectShown(await say(page, "I'm in a lot of pain"), emergency);
    const spoken = await lastSpoken(page);
    expect(spoken?.lang).toBe('en-US');
    const digits = [...(emergency.ssml ?? '').matchAll(/<say-as interpret-as="digits">(\d+)<\/say-as>/g)].map((m) => m[1]);
    expect(digits.length).toBeGreaterThan(0);
    for (const number of digits) expect(spoken?.text).toContain(number.split('').join(' '));
    await page.close();
  });

  it('without speech recognition, the page says so plainly and the text box still works', async () => {
    const { page } = await openPage({ recognition: false });
    expect(await page.$eval('#mic', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.$eval('#mic-note', (n) => n.textContent)).toMatch(/has no speech recognition.*type instead.*online service/);
    const shown = await say(page, 'what is myeloma');
    expect(shown.understood).toMatch(/^MyelomaIntent|^\w+Intent/);
    await page.close();
  });

  it('the whole flow by keyboard alone, with the focus always visible and back in the text box after each answer', async () => {
    const { page } = await openPage();
    const expected = reference.session(true);
    /** Presses Tab until the element matching `selector` has the focus; fails if it never does. */
    const tabTo = async (selector: string, backwards = false) => {
      for (let presses = 0; presses < 40; presses += 1) {
        if (backwards) await page.keyboard.down('Shift');
        await page.keyboard.press('Tab');
        if (backwards) await page.keyboard.up('Shift');
        if (await page.evaluate((s: string) => document.activeElement?.matches(s) ?? false, selector)) {
          const ring = await page.evaluate(() => {
            const style = getComputedStyle(document.activeElement as Element);
            return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
          });
          expect(ring.style).not.toBe('none');
          expect(ring.width).toBeGreaterThanOrEqual(3);
          return;
        }
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    const type = async (words: string) => {
      const before = await turnCount(page);
      await page.keyboard.type(words);
      await page.keyboard.press('Enter');
      const shown = await nextTurn(page, before);
      expect(await focusedId(page)).toBe('say-text');
      return shown;
    };

    await tabTo('a.skip');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('say-text');
    await tabTo('#screen', true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#transcript li:last-child')?.classList.contains('event'));
    expect(await focusedId(page)).toBe('say-text');

    expectShown(await type('what tests might I have'), await expected.say('what tests might I have'));
    await tabTo('#screen-view button');
    const item = await page.evaluate(() => ({ id: (document.activeElement as HTMLButtonElement).dataset.id ?? '', text: document.activeElement?.textContent ?? '' }));
    const before = await turnCount(page);
    await page.keyboard.press('Enter');
    expectShown(await nextTurn(page, before), await expected.touch(item.id, item.text));
    expect(await focusedId(page)).toBe('say-text');

    expectShown(await type('repeat'), await expected.say('repeat'));
    await tabTo('#transcript .turn:last-of-type summary', true);
    await page.keyboard.press('Enter');
    expect(await page.$eval('#transcript .turn:last-of-type details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await tabTo('#large-text', true);
    await page.keyboard.press('Enter');
    expect(await page.$eval('html', (html) => html.classList.contains('large'))).toBe(true);
    await tabTo('#new-session');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#transcript li:last-child')?.classList.contains('event'));
    await expected.end();
    expect(await focusedId(page)).toBe('say-text');
    expectShown(await type('open bone secondaries guide'), await expected.say('open bone secondaries guide'));
    await page.close();
  });
});
