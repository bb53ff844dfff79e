/**
 * What the preference interceptors need of a store: the ASK SDK's PersistenceAdapter, whose calls can be
 * cancelled. When a request's time for the store runs out, its call is aborted, so that a hung store does
 * not collect abandoned calls. An adapter that cannot cancel (memory, file) simply has no third argument.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';

export interface StoreCall {
  abortSignal?: AbortSignal;
}

export interface PreferencesStore extends PersistenceAdapter {
  getAttributes(requestEnvelope: RequestEnvelope, call?: StoreCall): Promise<Record<string, unknown>>;
  saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>, call?: StoreCall): Promise<void>;
}
