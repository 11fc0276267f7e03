/**
 * A small static file server for the built site, bound to 127.0.0.1. Paths are decoded, resolved
 * inside the site directory (also after following symbolic links) and served with their content type;
 * anything else is 400/403/404.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface SiteServer {
  server: Server;
  port: number;
  /** "http://127.0.0.1:PORT" */
  url: string;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1:`port` (0 picks a free port). */
export async function serveSite(dir: string, port = 0): Promise<SiteServer> {
  const root = await realpath(resolve(dir));
  const server = createServer((req, res) => {
    const send = (status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(405, 'method not allowed');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (pathname.includes('\0') || pathname.includes('\\')) return send(400, 'bad request');
    const wanted = resolve(join(root, pathname));
    if (wanted !== root && !wanted.startsWith(root + sep)) return send(403, 'forbidden');
    void (async () => {
      try {
        let file = wanted;
        let st = await stat(file);
        if (st.isDirectory()) {
          if (!pathname.endsWith('/')) {
            res.writeHead(301, { location: `/${encodeURI(pathname.replace(/^\/+/, ''))}/` });
            return res.end();
          }
          file = join(file, 'index.html');
          st = await stat(file);
        }
        const real = await realpath(file);
        if (real !== root && !real.startsWith(root + sep)) return send(403, 'forbidden');
        if (!st.isFile()) return send(404, 'not found');
        res.writeHead(200, {
          'content-type': contentType(real),
          'content-length': st.size,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        });
        if (req.method === 'HEAD') return res.end();
        createReadStream(real)
          .on('error', () => res.destroy())
          .pipe(res);
      } catch {
        send(404, 'not found');
      }
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
