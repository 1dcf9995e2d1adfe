/** Opens the configured store and waits until it is ready; any failure becomes a start-up error naming FOLLOWTHROUGH_DB or DATABASE_URL. */
import { type OpenStoreOptions, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { Config } from './config.js';
import { storeFailure } from './startup-failures.js';

export async function openConfiguredStore(config: Config, options: OpenStoreOptions = {}): Promise<Store> {
  let store: Store;
  try {
    store = openStore(config, options);
  } catch (error) {
    throw storeFailure(error, config);
  }
  try {
    await store.ready?.();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw storeFailure(error, config);
  }
  return store;
}
