/**
 * Serves the realistic Sina pages in tests/fixtures under their real https URLs. Browsers reach it
 * through host mapping (Chromium --host-resolver-rules, Firefox network.dns.localDomains), so the page
 * sees `https://finance.sina.com.cn/...` exactly as a reader would; the certificate is a self-signed one
 * for the Sina hosts (scripts/harness/tls/), which the test browsers are told to accept.
 */
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
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
  /** The fixture's URL as the browser must request it: https, with the port when not on 443. */
  urlOf(page: FixturePage | string): string;
  /**
   * The same page over plain http (same port): only for tests showing that Policy Lens ignores pages a
   * network attacker could have served. Browsers must not upgrade it to https (the harnesses disable that).
   */
  plainUrlOf(page: FixturePage | string): string;
  /** Extra routes for a test: host+path → HTML. */
  route(url: string, html: string, status?: number): void;
  close(): Promise<void>;
};

function routeKey(url: URL): string {
  return `${url.hostname}${url.pathname}`;
}

const TLS_DIR = path.resolve(import.meta.dirname, 'tls');
const TLS = {
  cert: readFileSync(path.join(TLS_DIR, 'fixture-server.crt')),
  key: readFileSync(path.join(TLS_DIR, 'fixture-server.key')),
};

/** Port 443 keeps URLs exactly as Sina's; tests fall back to a free port where 443 is not ours to take. */
export async function startFixtureServer(preferredPort = 443): Promise<FixtureServer> {
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

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    const hit = routes.get(routeKey(url));
    if (!hit) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`fixture server: nothing at ${url.hostname}${url.pathname}`);
      return;
    }
    res.writeHead(hit.status, { 'content-type': hit.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(hit.body);
  };
  // One port speaks both: a TLS handshake starts with byte 0x16, anything else is plain HTTP.
  const tls = https.createServer(TLS, answer);
  const plain = http.createServer(answer);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? tls : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
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

  const at = (page: FixturePage | string, protocol: 'https:' | 'http:', defaultPort: number) => {
    const url = new URL(typeof page === 'string' ? page : page.url);
    url.protocol = protocol;
    url.port = port === defaultPort ? '' : String(port);
    return url.toString();
  };
  return {
    port,
    hosts: fixtureHosts(pages, assets),
    urlOf: (page) => at(page, 'https:', 443),
    plainUrlOf: (page) => at(page, 'http:', 80),
    route(url, html, status = 200) {
      routes.set(routeKey(new URL(url)), { body: html, status });
    },
    close: () =>
      new Promise((resolve) => {
        // Browsers keep connections open; the tests are done with them.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
