import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// verify.ts runs in the browser and in a CLI from the public export alone, so it and everything
// it imports must be dependency-free: only relative imports, no Node built-ins, no Node globals.

const here = path.dirname(new URL(import.meta.url).pathname);
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (graph.has(file)) return;
    const source = readFileSync(path.join(here, file), 'utf8');
    const specifiers = Array.from(source.matchAll(IMPORT), (m) => (m[1] ?? m[2])!);
    graph.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('./')) visit(`${s.slice(2)}.ts`);
  };
  visit(entry);
  return graph;
}

describe('the browser-safe verifier', () => {
  const graph = importGraph('verify.ts');

  it('imports only sibling modules', () => {
    expect(graph.size).toBeGreaterThan(5);
    for (const [file, specifiers] of graph) {
      for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\/[a-z0-9-]+$/);
    }
  });

  it('does not pull in the server-side modules', () => {
    expect(graph.has('node-hash.ts')).toBe(false);
    expect(graph.has('checkpoint.ts')).toBe(false);
  });

  it('uses no Node-only globals', () => {
    for (const file of graph.keys()) {
      const code = readFileSync(path.join(here, file), 'utf8').replace(/\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(Buffer|process|require|__dirname)\b/);
    }
  });

  it('the check itself would catch a Node import', () => {
    expect(importGraph('checkpoint.ts').get('checkpoint.ts')).toEqual(expect.arrayContaining(['node:crypto', 'server-only']));
  });
});
