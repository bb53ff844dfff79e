/**
 * A topic's sentences, in order, each with the part it belongs to. A turn says a run of them, as many as fit the
 * listener's pace, and never runs across a part: parts are where the content's editors chose to pause. Split once,
 * when content compiles: the skill gets each sentence's part (`sentenceParts`) and each sentence's SSML.
 */
export interface Sentence {
  text: string;
  part: number;
}

export function sentencesOf(topic: { parts: readonly string[] }): Sentence[] {
  return topic.parts.flatMap((text, part) => text.split(/(?<=[.?!])\s+(?=[A-Z])/).map((sentence) => ({ text: sentence, part })));
}
