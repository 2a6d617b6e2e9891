import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

// Each test starts with a clean fake browser (storage, runtime listeners) and, where the environment
// has one, an empty localStorage (note drafts are kept there).
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.localStorage?.clear();
});
