/**
 * Listeners for the fault check: each a user id with a conversation whose session attributes carry from
 * turn to turn, as Alexa carries them. Half the group chose the slowest pace on an earlier visit; half are new.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createDynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb-adapter';
import { readPreferences } from '../../lambda/conversation/remembered-pace';
import { PACE_RATES, SLOWEST_PACE } from '../../lambda/speech/pace';
import type { LocalDynamo } from '../../test/support/dynalite';
import { type Caller, intentRequest, launchRequest } from '../simulator/envelopes';
import { type Ledger, measure } from './measure';

type Invoke = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

const PACE_NAMES = ['slowest', 'slower', 'normal', 'faster', 'fastest'] as const satisfies { length: (typeof PACE_RATES)['length'] };
const paceHeard = (response: ResponseEnvelope): string => {
  const speech = response.response.outputSpeech;
  const rate = Number(/<prosody rate="(\d+)%">/.exec(speech?.type === 'SSML' ? speech.ssml : '')?.[1] ?? 100);
  return PACE_NAMES[PACE_RATES.findIndex((r) => r === rate)] ?? `${rate} %`;
};

export interface Listener {
  /** 'stored slowest' or 'new': what the store held for them before. */
  origin: string;
  caller: Caller;
  /** Says each of `turns` in order ('launch' starts a new session), timing each into `ledger` if given. */
  turns(invoke: Invoke, turns: string[], ledger?: Ledger): Promise<void>;
  /** Opens the guide in a new session; the pace it is heard at. */
  launch(invoke: Invoke): Promise<string>;
}

function listener(id: string, origin: string): Listener {
  let session = 0;
  let attributes: Record<string, unknown> = {};
  const caller: Caller = { skillId: 'amzn1.ask.skill.fault-check', userId: `amzn1.ask.account.${id}`, deviceId: `amzn1.ask.device.${id}`, locale: 'en-GB', sessionId: '' };
  const say = async (invoke: Invoke, turn: string): Promise<ResponseEnvelope> => {
    const isNew = turn === 'launch';
    if (isNew) {
      attributes = {};
      caller.sessionId = `amzn1.echo-api.session.${id}-${++session}`;
    }
    const response = await invoke(isNew ? launchRequest(caller) : intentRequest(caller, false, attributes, turn));
    attributes = JSON.parse(JSON.stringify(response.sessionAttributes ?? {})) as Record<string, unknown>;
    return response;
  };
  return {
    origin,
    caller,
    async turns(invoke, turns, ledger) {
      for (const turn of turns) {
        if (ledger) await measure(ledger, () => say(invoke, turn));
        else await say(invoke, turn);
      }
    },
    launch: async (invoke) => paceHeard(await say(invoke, 'launch')),
  };
}

/** How many of `items` fall under each key, in a stable order. */
function tally<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items.map(key).sort()) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

const adapterOn = (dynamo: LocalDynamo, tableName: string) => createDynamoDbPersistenceAdapter({ tableName, client: dynamo.client });

export const listeners = {
  visitor: (id: string) => listener(id, 'new'),
  group(size: number) {
    const members = Array.from({ length: size }, (_, i) => listener(`FAULT-${i}`, i % 2 === 0 ? 'stored slowest' : 'new'));
    return {
      members,
      /** Stores the slowest pace for the half that chose it on an earlier visit. */
      async remember(dynamo: LocalDynamo, tableName: string) {
        const adapter = adapterOn(dynamo, tableName);
        const returning = members.filter((m) => m.origin === 'stored slowest');
        await Promise.all(returning.map((m) => adapter.saveAttributes(launchRequest(m.caller), { pace: SLOWEST_PACE, welcomed: true })));
      },
      /** Each comes back for a new session (run by `each`): the pace each is heard at, by what was stored for them before. */
      async comeBack(each: <R>(task: (m: Listener) => Promise<R>) => Promise<R[]>, invoke: Invoke) {
        const heard = await each(async (m) => ({ m, pace: await m.launch(invoke) }));
        return tally(heard, ({ m, pace }) => `${m.origin} → ${pace}`);
      },
    };
  },
};

/** What the store holds for each of the group, by what it held before ('nothing' for no pace). */
export async function storedPaces(dynamo: LocalDynamo, tableName: string, group: { members: Listener[] }): Promise<Map<string, number>> {
  const adapter = adapterOn(dynamo, tableName);
  const stored = await Promise.all(group.members.map(async (m) => ({ m, pace: readPreferences(await adapter.getAttributes(launchRequest(m.caller))).pace })));
  return tally(stored, ({ m, pace }) => `${m.origin} → ${pace === undefined ? 'nothing' : PACE_NAMES[pace]}`);
}
