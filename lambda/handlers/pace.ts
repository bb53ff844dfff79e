/**
 * "Speak slower", "speak faster", "normal speed": one step at a time between the slowest and fastest
 * pace, confirmed at the new pace, and offering the last answer again at it. The pace is remembered for
 * the listener's next visit by the preferences interceptor, when it is known: a step from a pace that was
 * only a guess (the store could not be read) is heard this session but not saved.
 */
import type { RequestHandler } from 'ask-sdk-core';
import { HELP, WELCOME } from '../conversation/place';
import { content, turnFor, voice } from '../conversation/turn-for';
import type { UiKey } from '../content/types';
import { FASTEST_PACE, NORMAL_PACE, SLOWEST_PACE } from '../speech/pace';
import { intentNameOf, isPaceRequest, type PaceIntentName } from '../request/facts';

interface PaceChange {
  /** The new pace from the current one. */
  next: (pace: number) => number;
  /** The new pace does not depend on the current one, so it is known even when the current one is not. */
  absolute?: true;
  done: UiKey;
  /** Said instead when the pace cannot move further that way. */
  atLimit?: { pace: number; say: UiKey };
}

export const PACE_INTENTS: Readonly<Record<PaceIntentName, PaceChange>> = {
  SpeakSlowerIntent: { next: (p) => Math.max(SLOWEST_PACE, p - 1), done: 'paceSlower', atLimit: { pace: SLOWEST_PACE, say: 'paceSlowest' } },
  SpeakFasterIntent: { next: (p) => Math.min(FASTEST_PACE, p + 1), done: 'paceFaster', atLimit: { pace: FASTEST_PACE, say: 'paceFastest' } },
  NormalSpeedIntent: { next: () => NORMAL_PACE, absolute: true, done: 'paceNormal' },
};

export const PaceHandler: RequestHandler = {
  canHandle: isPaceRequest,
  handle: (input) => {
    const change = PACE_INTENTS[intentNameOf(input) as PaceIntentName];
    const turn = turnFor(input);
    const state = turn.state;
    const confirm = change.atLimit && state.pace === change.atLimit.pace ? change.atLimit.say : change.done;
    state.pace = change.next(state.pace);
    state.paceFrom = change.absolute || state.paceFrom === 'known' ? 'known' : 'stepped';
    // "Yes" replays the last answer at the new pace; there is nothing to replay after only a welcome or help.
    const again = state.said && state.said.id !== WELCOME && state.said.id !== HELP ? state.said : undefined;
    if (!again) return turn.askAnew(voice.ui(confirm));
    // Say which answer "yes" would repeat: after a detour, "that" could be anything.
    const name = Object.hasOwn(content.entries, again.id) ? content.entries[again.id].name : undefined;
    const question = name ? voice.ui('paceAgainNamed', { name: voice.say(name) }) : voice.ui('paceAgainQuestion');
    return turn.respond({ kind: 'ask', speech: voice.ui(confirm), question, reprompt: voice.ui('paceReprompt') }, { offer: again });
  },
};
