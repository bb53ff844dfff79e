/**
 * What the screen tests share: the RenderDocument directive of an answer, its datasource, and a reader for the
 * document's data bindings (`${payload.…}`, `${data.…}`), so that a test can resolve each against what the skill sent.
 */
import type { interfaces } from 'ask-sdk-model';
import type { DisplayData, DisplayRow } from '../../lambda/display/display';
import { DISPLAY_DOCUMENT } from '../../lambda/display/document';
import type { Answer } from '../support/conversation';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

/** The answer's directives (none when it sent none). */
export const directivesOf = (a: Answer): unknown[] => a.response.response.directives ?? [];

/** The one RenderDocument directive of an answer; fails if there is not exactly one directive, or it is another. */
export function renderOf(a: Answer): RenderDocument {
  const directives = directivesOf(a);
  if (directives.length !== 1) throw new Error(`expected one directive, got ${JSON.stringify(directives)}`);
  const [directive] = directives as RenderDocument[];
  if (directive.type !== 'Alexa.Presentation.APL.RenderDocument') throw new Error(`not a RenderDocument: ${directive.type}`);
  return directive;
}

/** The datasource's `guide`: what the screen shows. */
export const screenOf = (a: Answer): DisplayData => (renderOf(a).datasources as { guide: DisplayData }).guide;

/** The text rows (what was said and asked) as one line, the way the screen shows them one after another. */
export const screenText = (data: DisplayData): string =>
  data.rows
    .filter((row) => row.kind !== 'item')
    .map((row) => row.text)
    .join(' ');

/** The items a screen offers to touch. */
export const itemsOf = (data: DisplayData): DisplayRow[] => data.rows.filter((row) => row.kind === 'item');

/** Every string in a JSON value, with its path. */
export function stringsIn(value: unknown, path = '$'): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${path}.${k}`));
  return [];
}

/** The `${…}` expressions of a string, with quoted strings taken out (they are not names). */
export const expressionsIn = (text: string): string[] => [...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1].replace(/'[^']*'|"[^"]*"/g, "''"));

/** The dotted names an expression reads from a root (`payload.guide.rows` → ['guide', 'rows']). */
export const pathsFrom = (expression: string, root: string): string[][] =>
  [...expression.matchAll(new RegExp(`(?<![\\w.@])${root}((?:\\.[A-Za-z_]\\w*)+)`, 'g'))].map((m) => m[1].slice(1).split('.'));

/** Every expression in the document, with where it is. */
export const documentExpressions = (): { path: string; expression: string }[] =>
  stringsIn(DISPLAY_DOCUMENT).flatMap(({ path, text }) => expressionsIn(text).map((expression) => ({ path, expression })));

/** Follows a path of names into a value; undefined as soon as one is missing. */
export function resolve(value: unknown, path: readonly string[]): unknown {
  let at: unknown = value;
  for (const name of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, name)) return undefined;
    at = (at as Record<string, unknown>)[name];
  }
  return at;
}
