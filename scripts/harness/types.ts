/** One face for both drivers (Playwright for Chromium, puppeteer-core over WebDriver BiDi for Firefox). */
import type { AxeViolation } from './axe';

export type { AxeViolation };
export type BrowserName = 'chromium' | 'firefox';
export type Point = { x: number; y: number };

/** A frame of a page (the panel's iframe): evaluate and wait, as on a page. */
export interface LensFrame {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A = undefined>(what: string, fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /** axe-core's violations in this frame's document. */
  axe(): Promise<AxeViolation[]>;
}

export interface LensPage {
  /** The first child frame whose location starts with `prefix` (e.g. the extension origin + '/panel.html'). */
  frame(what: string, matches: (href: string) => boolean, timeoutMs?: number): Promise<LensFrame>;
  /** Runs `fn` in the page; `arg` must be serialisable. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns truthy, or fails naming `what`. */
  waitFor<A = undefined>(what: string, fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  goto(url: string): Promise<void>;
  /** Sets the files of an `<input type=file>` as a reader choosing them would. */
  setInputFiles(selector: string, paths: string[]): Promise<void>;
  reload(): Promise<void>;
  /** Makes this the active tab of its window, as a reader clicking its tab would. */
  bringToFront(): Promise<void>;
  /** Presses keys as a keyboard would: `Tab`, `Enter`, `Shift+Tab`. */
  press(keys: string): Promise<void>;
  /** Types text into whatever has focus, as a keyboard would (Chinese included). */
  type(text: string): Promise<void>;
  /** Presses the mouse at one viewport point, moves to another and releases: a reader selecting text. */
  drag(from: Point, to: Point): Promise<void>;
  /** A mouse click at a viewport point. */
  click(at: Point): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** axe-core's violations in the page (in Chromium with @axe-core/playwright). */
  axe(): Promise<AxeViolation[]>;
  screenshot(file: string): Promise<void>;
  /** A PNG of part of the viewport (CSS pixels): what the reader sees there. */
  capture(clip: { x: number; y: number; width: number; height: number }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface LensBrowser {
  name: BrowserName;
  /** The built extension this browser loaded. */
  extensionDir: string;
  /** Opens a web page and waits for DOMContentLoaded (real Sina pages never reach `load` offline). */
  openPage(url: string): Promise<LensPage>;
  /** Opens an extension page such as `/popup.html` in a tab of its own. */
  openExtensionPage(path: string): Promise<LensPage>;
  /** The page the browser opened by itself (a link with target=_blank) at a URL starting with `prefix`. */
  waitForPage(prefix: string, timeoutMs?: number): Promise<LensPage>;
  /** Every page still open, for screenshots when a test fails. */
  openPages(): LensPage[];
  /** Console lines and page errors from every page, newest last. */
  consoleLines: string[];
  /** Settles when the browser goes away, whoever closed it. */
  closed: Promise<void>;
  close(): Promise<void>;
  /**
   * Stops the extension's background service worker, as the browser does when it idles (Chromium
   * only: WebDriver BiDi offers Firefox's event page no such control). Resolves once it is gone.
   */
  stopBackground?(): Promise<void>;
}

export type LaunchOptions = {
  extensionDir: string;
  /** Sina hosts to send to the fixture server. */
  hosts: string[];
  port: number;
  /** UI language the browser reports (`en-US`, `zh-CN`). */
  locale?: string;
  /** The system colour scheme the pages see (prefers-color-scheme); light unless asked. */
  colorScheme?: 'light' | 'dark';
  /** Tests run headless; the demo shows a window when there is a display. */
  headless?: boolean;
  /**
   * Firefox: grant the manifest's Sina hosts at install, as a test profile usually wants (default true).
   * False starts as a new reader's Firefox does, with no access until the reader allows it; the
   * extension's own permissions.request is then granted without the browser's prompt, which a
   * headless browser cannot click.
   */
  grantHostAccess?: boolean;
  /** A profile directory kept across launches (a browser restart); a fresh temporary one otherwise. */
  profileDir?: string;
};
