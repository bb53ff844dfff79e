/**
 * "Speak slower", "speak faster", "normal speed": one step at a time between the slowest and fastest
 * pace, confirmed at the new pace, and offering the last answer again at it. The pace is remembered for
 * the listener's next visit by the preferences interceptor, when it is known: a step from a pace that was
 * only a guess (the store could not be read) is heard this session but not saved.
 */
import { turnFor } from '../conversation/turn-for';
import { rulesOf } from '../conversation/screens';
import type { PaceKey } from '../conversation/render';
import { FASTEST_PACE, NORMAL_PACE, SLOWEST_PACE } from '../speech/pace';
import { intentNameOf, isPaceRequest, type PaceIntentName } from '../request/facts';
import type { SkillHandler } from '../request/handler';

interface PaceChange {
  /** The new pace from the current one. */
  next: (pace: number) => number;
  /** The new pace does not depend on the current one, so it is known even when the current one is not. */
  absolute?: true;
  done: PaceKey;
  /** Said instead when the pace cannot move further that way. */
  atLimit?: { pace: number; say: PaceKey };
}

export const PACE_INTENTS: Readonly<Record<PaceIntentName, PaceChange>> = {
  SpeakSlowerIntent: { next: (p) => Math.max(SLOWEST_PACE, p - 1), done: 'paceSlower', atLimit: { pace: SLOWEST_PACE, say: 'paceSlowest' } },
  SpeakFasterIntent: { next: (p) => Math.min(FASTEST_PACE, p + 1), done: 'paceFaster', atLimit: { pace: FASTEST_PACE, say: 'paceFastest' } },
  NormalSpeedIntent: { next: () => NORMAL_PACE, absolute: true, done: 'paceNormal' },
};

export const PaceHandler: SkillHandler = {
  canHandle: isPaceRequest,
  handle: (input) => {
    const change = PACE_INTENTS[intentNameOf(input) as PaceIntentName];
    const turn = turnFor(input);
    const confirm = change.atLimit && turn.pace === change.atLimit.pace ? change.atLimit.say : change.done;
    turn.setPace(change.next(turn.pace), { absolute: change.absolute });
    // The last place's rules say whether it is said again at the new pace at once (the safety screens: the number
    // first, no confirmation before it), offered for a "yes" (answers), or neither (the welcome, the help).
    const replay = turn.said ? rulesOf(turn.said).replayedOnPace : false;
    if (turn.said && replay === 'at once') return turn.play(turn.said, { remember: false });
    return turn.say({ say: 'paceChanged', confirm, again: replay === 'offered' ? turn.said : undefined });
  },
};
