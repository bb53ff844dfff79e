/**
 * The skill's icons: one drawing (assets/icon.svg, also the web console's favicon), rendered by `npm run package`
 * to the two PNGs certification asks for in each locale. skill.json names them as local files of the skill
 * package (`file://assets/images/<name>.png`, the form `ask smapi export-package` writes and the ASK CLI uploads
 * with the package), and the package step renders each file skill.json names, at the size its field needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SOURCE = path.resolve(__dirname, '../assets/icon.svg');

/** Pixels a side: Alexa's small (108 × 108) and large (512 × 512) skill icons. */
export const ICON_SIZES = { smallIconUri: 108, largeIconUri: 512 } as const;

/** A URI of a file inside the skill package, and that file's path there. */
const LOCAL_IMAGE = /^file:\/\/(assets\/images\/[A-Za-z0-9_.-]+\.png)$/;

export interface IconFile {
  locale: string;
  field: keyof typeof ICON_SIZES;
  /** Path inside the skill package. */
  file: string;
  size: number;
}

/** Every icon a manifest names, per locale; throws, naming the locale and field, where one is missing or not a local PNG. */
export function iconFiles(manifest: unknown): IconFile[] {
  const locales = (manifest as { manifest?: { publishingInformation?: { locales?: Record<string, Record<string, unknown>> } } }).manifest?.publishingInformation?.locales ?? {};
  return Object.entries(locales).flatMap(([locale, info]) =>
    (Object.keys(ICON_SIZES) as (keyof typeof ICON_SIZES)[]).map((field) => {
      const uri = info[field];
      const match = typeof uri === 'string' ? LOCAL_IMAGE.exec(uri) : null;
      if (!match) throw new Error(`skill.json: ${locale}.${field} should be file://assets/images/<name>.png, not ${JSON.stringify(uri)}`);
      return { locale, field, file: match[1], size: ICON_SIZES[field] };
    }),
  );
}

/** The icon as a PNG of `size` × `size` pixels. */
export function renderIcon(size: number, svg = fs.readFileSync(ICON_SOURCE)): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}
