/** A plain JSON object: what session attributes, stored preferences and request bodies must be before their fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
