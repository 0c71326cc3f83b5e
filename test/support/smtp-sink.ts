import { SMTPServer } from 'smtp-server';

export type Reception = { messageId: string; at: number };

/**
 * A real SMTP server that accepts every message `delayMs` after its data ends and records it.
 * Like a real MTA, the message is committed and then 250 is sent — even if the client has died
 * meanwhile, which is what makes a message in flight at a crash a possible duplicate.
 */
export async function startSmtpSink(delayMs: number) {
  const received: Reception[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? 'missing';
        setTimeout(() => {
          received.push({ messageId, at: Date.now() });
          for (const w of waiters.filter((x) => received.length >= x.n)) w.resolve();
          callback();
        }, delayMs);
      });
    },
  });
  server.on('error', () => {}); // a client killed mid-session resets its socket
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    /** Resolves as soon as the n-th message has been accepted. */
    reached: (n: number) => new Promise<void>((resolve) => (received.length >= n ? resolve() : waiters.push({ n, resolve }))),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
