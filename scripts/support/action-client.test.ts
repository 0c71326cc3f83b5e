import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionClient, ActionTransportError, actionStateFromFlight, actionStateFromHtml, progressiveFields, readActionIds } from './action-client';

// Shapes captured from a real `next start` of this app (Next 16.4, React 19.3).
const FLIGHT_OK = [
  '2:"$Sreact.fragment"',
  '5:I[39756,["$4"],"default"]',
  '0:{"a":"$@1","q":"","i":false,"t":{"t":{"s":"","h":16}},"b":"Y6UGN3JXdV52iE61dALHa"}',
  '1:{"ok":true,"message":"Your vote (abstain) is recorded. You can change it until voting closes."}',
  '3:["$","header",null,{"className":"border-b"}]',
].join('\n');
const FLIGHT_REFUSED =
  '0:{"a":"$@1","q":"","i":false,"b":"Y6UGN3JXdV52iE61dALHa"}\n1:{"ok":false,"message":"Please correct the highlighted fields.","fieldErrors":{"choice":["Choose yes, no or abstain."]},"values":{}}\n';
const FORM =
  '<form aria-label="Your vote, Board" class="space-y-3" action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_5"/><input type="hidden" name="$ACTION_5:0" value="{&quot;id&quot;:&quot;7fb4a6b8073a303a635e067775337bdee8fb542503&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/><input type="hidden" name="$ACTION_5:1" value="[{&quot;ok&quot;:false}]"/><input type="hidden" name="$ACTION_KEY" value="k9fbdfc89292be1795408e599637a49b6"/><input type="hidden" name="orgId" value="6bb9ee54"/><div aria-live="polite" role="status"></div><button type="submit">Cast vote</button></form>';

describe('the server-action HTTP client', () => {
  it('reads the ActionState out of a Flight answer (row 0 points at it)', () => {
    expect(actionStateFromFlight(FLIGHT_OK)).toEqual({ ok: true, message: 'Your vote (abstain) is recorded. You can change it until voting closes.' });
    expect(actionStateFromFlight(FLIGHT_REFUSED)).toMatchObject({ ok: false, message: 'Please correct the highlighted fields.' });
    expect(actionStateFromFlight('Internal Server Error')).toBeNull();
    expect(actionStateFromFlight('0:{"a":"$@1"}\n1:{"no":"state"}')).toBeNull();
  });

  it('copies the progressive-enhancement fields of the form bound to an action, and reads its message back', () => {
    const page = `<main><form action=""><input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;other&quot;}"/></form>${FORM}</main>`;
    expect(progressiveFields(page, '7fb4a6b8073a303a635e067775337bdee8fb542503')).toEqual({
      $ACTION_REF_5: '',
      '$ACTION_5:0': '{"id":"7fb4a6b8073a303a635e067775337bdee8fb542503","bound":"$@1"}',
      '$ACTION_5:1': '[{"ok":false}]',
      $ACTION_KEY: 'k9fbdfc89292be1795408e599637a49b6',
    });
    expect(progressiveFields(page, 'missing')).toBeNull();
    // One action, several forms (a reply form before the new-comment form): pick by aria-label.
    const two = `${FORM.replace('Your vote, Board', 'Reply to Ada').replace('k9fbdfc89292be1795408e599637a49b6', 'kReply')}${FORM}`;
    expect(progressiveFields(two, '7fb4a6b8073a303a635e067775337bdee8fb542503')?.$ACTION_KEY).toBe('kReply');
    expect(progressiveFields(two, '7fb4a6b8073a303a635e067775337bdee8fb542503', 'Your vote, Board')?.$ACTION_KEY).toBe('k9fbdfc89292be1795408e599637a49b6');
    const answered = FORM.replace(
      'role="status"></div>',
      'role="status"><p class="rounded-lg border px-3 py-2 text-sm border-red-300 bg-red-50 text-red-900">Voting is not open: the proposal is &quot;passed&quot;.</p></div>',
    );
    expect(actionStateFromHtml(answered)).toEqual({ ok: false, message: 'Voting is not open: the proposal is "passed".' });
    expect(actionStateFromHtml(FORM)).toBeNull();
    // The answer's box as ActionForm renders it now: focusable, so it carries more attributes.
    const focusable = answered.replace('role="status">', 'role="status" tabindex="-1" class="outline-offset-2">');
    expect(actionStateFromHtml(focusable)).toEqual({ ok: false, message: 'Voting is not open: the proposal is "passed".' });
  });

  it('finds action ids by exported name in the build manifest, and refuses ambiguous or unknown names', () => {
    const build = mkdtempSync(path.join(tmpdir(), 'action-client-'));
    mkdirSync(path.join(build, 'server'));
    writeFileSync(
      path.join(build, 'server', 'server-reference-manifest.json'),
      JSON.stringify({
        node: {
          aa: { filename: 'app/o/[slug]/proposals/actions.ts', exportedName: 'castBallotAction', workers: {} },
          bb: { filename: 'app/a/actions.ts', exportedName: 'save' },
          cc: { filename: 'app/b/actions.ts', exportedName: 'save' },
        },
        edge: {},
      }),
    );
    expect(readActionIds(build).get('castBallotAction')).toEqual(['aa']);
    const client = new ActionClient({ baseUrl: 'http://localhost:1/', buildDir: build });
    expect(client.actionId('castBallotAction')).toBe('aa');
    expect(client.actionId('app/b/actions.ts#save')).toBe('cc');
    expect(() => client.actionId('save')).toThrow(/ambiguous/);
    expect(() => client.actionId('nope')).toThrow(/No server action named nope/);
    expect(client.withSession('t0k').cookie).toBe('quorate.session=t0k');
    expect(new ActionClient({ baseUrl: 'https://gov.example.org', buildDir: build }).withSession('t').cookie).toBe('__Secure-quorate.session=t');
  });

  it('says when a request never reached a server', async () => {
    const build = mkdtempSync(path.join(tmpdir(), 'action-client-'));
    mkdirSync(path.join(build, 'server'));
    writeFileSync(path.join(build, 'server', 'server-reference-manifest.json'), JSON.stringify({ node: { aa: { filename: 'x.ts', exportedName: 'act' } } }));
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = s.address() as { port: number };
        s.close(() => resolve(p));
      });
    });
    const client = new ActionClient({ baseUrl: `http://localhost:${port}`, buildDir: build }).withSession('t');
    const error = await client.call('act', '/', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionTransportError);
    expect((error as ActionTransportError).neverSent).toBe(true);
  });
});
