import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/**
 * A `fetch` for tests that serves /api/v1 from the route handlers under app/api/v1, as Next.js
 * would: every route.ts found on disk (`[slug]` segments match one path segment), its exported
 * method called with a Request and the path's parameters. Nothing here knows which routes exist,
 * so a client under test learns them only from the OpenAPI document.
 */
export function apiV1Fetch(): (url: string, init?: RequestInit) => Promise<Response> {
  const root = path.join(process.cwd(), 'app/api/v1');
  const routes: { pattern: RegExp; names: string[]; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === 'route.ts') {
        const segments = path.relative(root, dir).split(path.sep).filter(Boolean);
        const names: string[] = [];
        const source = segments
          .map((s) => {
            const dynamic = /^\[(\w+)\]$/.exec(s);
            if (!dynamic) return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            names.push(dynamic[1]!);
            return '([^/]+)';
          })
          .join('/');
        routes.push({ pattern: new RegExp(`^/api/v1${source ? `/${source}` : ''}$`), names, file: full });
      }
    }
  };
  walk(root);
  // Static segments win over dynamic ones (`proposals/new` before `proposals/[number]`), as in Next.js.
  routes.sort((a, b) => a.names.length - b.names.length);
  return async (url, init) => {
    const request = new Request(url, init);
    const { pathname } = new URL(request.url);
    for (const route of routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler | undefined>;
      const handler = mod[request.method];
      if (!handler) return new Response(null, { status: 405 });
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
      return handler(request, { params: Promise.resolve(params) });
    }
    return new Response(null, { status: 404 });
  };
}
