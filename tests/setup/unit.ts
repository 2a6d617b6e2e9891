import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

// Each test starts with a clean fake browser (storage, runtime listeners).
beforeEach(() => {
  fakeBrowser.reset();
});
