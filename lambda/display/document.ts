/**
 * The one APL document every screen shows: the answer's title, then what was said and the question asked, in large
 * white or yellow text on black, and, under a list, each item as a button. It holds no words of its own: the
 * datasource (display/display.ts) carries them, bound as `${payload.guide.…}` and, row by row, `${data.…}`.
 *
 * Plain APL components and no imports, so the device fetches nothing. Sizes follow the viewport (`when` on resource
 * blocks, later blocks winning): a small round screen gets smaller text and a wide inset, a short landscape hub
 * (Echo Show 5) or a TV a little less than the default, and a large hub (Echo Show 10 and 15) more. The TV block
 * keeps text clear of overscan. A button shows it is pressed (a grey fill) or focused by a remote (a yellow border).
 */

/** The presentation's token, sent back with every touch. */
export const DISPLAY_TOKEN = 'bone-guide';

/** The first argument of a touched item's SendEvent; the second is the item's content id. */
export const ITEM_EVENT = 'item';

const text = { type: 'Text', text: '${data.text}', fontSize: '@text', color: '@fg', textAlign: '@align' };

export const DISPLAY_DOCUMENT = {
  type: 'APL',
  version: '2024.3',
  theme: 'dark',
  background: '#000000',
  resources: [
    { colors: { fg: '#FFFFFF', ask: '#FFE36E', press: '#3A3A3A' }, dimensions: { pad: 48, title: 52, text: 44 }, strings: { align: 'left' } },
    { when: '${viewport.height < 600}', dimensions: { pad: 32, title: 44, text: 38 } },
    { when: '${viewport.width < 600}', dimensions: { pad: 24, title: 40, text: 34 } },
    { when: '${viewport.width >= 1280}', dimensions: { pad: 64, title: 64, text: 52 } },
    { when: "${viewport.mode == 'tv'}", dimensions: { pad: 48 } },
    { when: "${viewport.shape == 'round'}", dimensions: { pad: 72, title: 34, text: 30 }, strings: { align: 'center' } },
  ],
  styles: {
    button: {
      values: [
        { borderColor: '@fg', borderWidth: 3 },
        { when: '${state.pressed}', backgroundColor: '@press' },
        { when: '${state.focused}', borderColor: '@ask', borderWidth: 6 },
      ],
    },
  },
  mainTemplate: {
    parameters: ['payload'],
    item: {
      type: 'Container',
      width: '100vw',
      height: '100vh',
      padding: '@pad',
      items: [
        { type: 'Text', role: 'header', text: '${payload.guide.title}', fontSize: '@title', fontWeight: 'bold', color: '@fg', textAlign: '@align' },
        {
          type: 'Sequence',
          grow: 1,
          width: '100%',
          data: '${payload.guide.rows}',
          items: [
            {
              when: "${data.kind == 'item'}",
              type: 'TouchWrapper',
              role: 'button',
              spacing: 16,
              accessibilityLabel: '${data.text}',
              onPress: { type: 'SendEvent', arguments: [ITEM_EVENT, '${data.id}'] },
              item: { type: 'Frame', style: 'button', inheritParentState: true, borderRadius: 16, item: { ...text, padding: 16 } },
            },
            { ...text, spacing: 24, color: "${data.kind == 'asked' ? @ask : @fg}" },
          ],
        },
      ],
    },
  },
};
