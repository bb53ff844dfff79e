/** SSML → what a listener hears, as readable text: tags dropped (abbreviations stay as written), entities decoded. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function readableSpeech(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+([,.?!:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
