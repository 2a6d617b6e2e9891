/**
 * Serves the realistic Sina pages in tests/fixtures under their real URLs. Browsers reach it through
 * host mapping (Chromium --host-resolver-rules, Firefox network.dns.localDomains), so the page sees
 * `http://finance.sina.com.cn/...` exactly as a reader would.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export type FixturePage = {
  name: string;
  url: string;
  file: string;
  kind: 'article' | 'not-article';
  seed: string | null;
  status: number;
  layout?: string;
};

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../tests/fixtures');

export function loadFixturePages(): FixturePage[] {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'pages.json'), 'utf8')) as FixturePage[];
}

export function fixture(name: string): FixturePage {
  const page = loadFixturePages().find((p) => p.name === name);
  if (!page) throw new Error(`tests/fixtures/pages.json: no fixture named "${name}"`);
  return page;
}

/** Static files the pages load from Sina's CDN (a stylesheet), served locally at their real URLs. */
export type FixtureAsset = { url: string; file: string; type: string };

export function loadFixtureAssets(): FixtureAsset[] {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'assets.json'), 'utf8')) as FixtureAsset[];
}

/** Every Sina host the fixtures use: the browsers send these, and only these, to the server. */
export function fixtureHosts(pages = loadFixturePages(), assets = loadFixtureAssets()): string[] {
  return [...new Set([...pages, ...assets].map((p) => new URL(p.url).hostname))].sort();
}

export type FixtureServer = {
  port: number;
  hosts: string[];
  /** The fixture's URL as the browser must request it (adds the port when not on 80). */
  urlOf(page: FixturePage | string): string;
  /** Extra routes for a test: host+path → HTML. */
  route(url: string, html: string, status?: number): void;
  close(): Promise<void>;
};

function routeKey(url: URL): string {
  return `${url.hostname}${url.pathname}`;
}

/** Port 80 keeps URLs exactly as Sina's; tests fall back to a free port where 80 is not ours to take. */
export async function startFixtureServer(preferredPort = 80): Promise<FixtureServer> {
  const pages = loadFixturePages();
  const assets = loadFixtureAssets();
  const routes = new Map<string, { body: string | Buffer; status: number; type?: string }>();
  for (const page of pages) {
    routes.set(routeKey(new URL(page.url)), {
      body: readFileSync(path.join(FIXTURES_DIR, page.file)),
      status: page.status,
    });
  }
  for (const asset of assets) {
    routes.set(routeKey(new URL(asset.url)), { body: readFileSync(path.join(FIXTURES_DIR, asset.file)), status: 200, type: asset.type });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const hit = routes.get(routeKey(url));
    if (!hit) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`fixture server: nothing at ${url.hostname}${url.pathname}`);
      return;
    }
    res.writeHead(hit.status, { 'content-type': hit.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(hit.body);
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  let port: number;
  try {
    port = await listen(preferredPort);
  } catch {
    port = await listen(0);
  }

  return {
    port,
    hosts: fixtureHosts(pages, assets),
    urlOf(page) {
      const url = new URL(typeof page === 'string' ? page : page.url);
      url.protocol = 'http:';
      if (port !== 80) url.port = String(port);
      return url.toString();
    },
    route(url, html, status = 200) {
      routes.set(routeKey(new URL(url)), { body: html, status });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
