import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ApiDocsPage from '@/app/api/v1/docs/page';
import { operations } from '@/lib/api/openapi';

describe('/api/v1/docs', () => {
  it('lists every operation of the document, without scripts or anything from elsewhere', () => {
    const html = renderToStaticMarkup(createElement(ApiDocsPage));
    for (const o of operations) expect(html).toContain(`${o.method.toUpperCase()} ${o.path}`);
    expect(html).toContain('/api/v1/openapi.json');
    expect(html).toContain('<code>choice</code> (required)');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});
