/** A preference store that counts its calls still open (neither answered nor failed): abandoned calls pile up here. */
import type { PreferencesStore } from '../../lambda/persistence/store';

export function countingStore(store: PreferencesStore): { store: PreferencesStore; open: () => number } {
  let open = 0;
  const track = <T>(call: Promise<T>): Promise<T> => {
    open++;
    return call.finally(() => open--);
  };
  return {
    store: {
      getAttributes: (envelope, call) => track(store.getAttributes(envelope, call)),
      saveAttributes: (envelope, attributes, call) => track(store.saveAttributes(envelope, attributes, call)),
    },
    open: () => open,
  };
}
