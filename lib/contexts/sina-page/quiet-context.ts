/**
 * Stands in for WXT's ContentScriptContext in the content script (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file).
 *
 * WXT's own context announces every start of a content script to the page it runs in: a
 * `window.postMessage` and a `document` event, both named `<extension id>:<script>:wxt:content-script-started`.
 * Any page script hears them, and learns that Policy Lens runs here and the extension's id (on
 * Chrome, the address of its pages). Policy Lens's content script runs once per page and uses none
 * of the context's helpers, so this keeps only what WXT's entrypoint needs: a context that can be
 * constructed and invalidated, and says nothing to the page.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }
}
