'use client';

import { useEffect, useState } from 'react';

function remaining(ms: number): string {
  if (ms <= 0) return 'now';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `in ${days}d ${hours}h`;
  if (hours > 0) return `in ${hours}h ${mins}m`;
  return `in ${Math.max(mins, 1)}m`;
}

/**
 * A live "in 3d 4h" next to an absolute UTC time. The server renders the same text from its own
 * clock (`serverNow`), so the first paint matches; the browser then ticks every 30 seconds.
 */
export function Countdown({ to, serverNow }: { to: string; serverNow: string }) {
  const target = new Date(to).getTime();
  const serverMs = new Date(serverNow).getTime();
  const [text, setText] = useState(() => remaining(target - serverMs));
  useEffect(() => {
    // The server's clock is the reference (it decides when windows close): keep its offset.
    const skew = serverMs - Date.now();
    const tick = () => setText(remaining(target - (Date.now() + skew)));
    tick();
    const id = setInterval(tick, 30_000);
    return () => clearInterval(id);
  }, [target, serverMs]);
  return (
    <time dateTime={to} title={new Date(to).toUTCString()}>
      {text}
    </time>
  );
}
