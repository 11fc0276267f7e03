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
import { CSP_HEADER } from './layout.js';

/** The precompressed variant to send for an Accept-Encoding header: brotli, then gzip. */
export function pickEncoding(accept: string | undefined): Array<{ encoding: string; suffix: string }> {
  const a = (accept ?? '').toLowerCase();
  const ok = (name: string): boolean => new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q=(?!0(?:\\.0+)?\\s*(?:,|$))[0-9.]+)?\\s*(?:,|$)`).test(a);
  const out: Array<{ encoding: string; suffix: string }> = [];
  if (ok('br')) out.push({ encoding: 'br', suffix: '.br' });
  if (ok('gzip')) out.push({ encoding: 'gzip', suffix: '.gz' });
  return out;
}

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
        // a precompressed sibling (site builds write file.br and file.gz) when the client takes it
        let sendFile = real;
        let size = st.size;
        let encoding: string | undefined;
        for (const c of pickEncoding(req.headers['accept-encoding'])) {
          try {
            const alt = await stat(real + c.suffix);
            if (alt.isFile()) {
              sendFile = real + c.suffix;
              size = alt.size;
              encoding = c.encoding;
              break;
            }
          } catch {
            // no such variant
          }
        }
        res.writeHead(200, {
          'content-type': contentType(real),
          'content-length': size,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
          'content-security-policy': CSP_HEADER,
          'referrer-policy': 'no-referrer',
          vary: 'accept-encoding',
          ...(encoding ? { 'content-encoding': encoding } : {}),
        });
        if (req.method === 'HEAD') return res.end();
        createReadStream(sendFile)
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
