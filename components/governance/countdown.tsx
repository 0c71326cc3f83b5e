'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

type Remaining =
  { key: 'now' } | { key: 'days'; days: number; hours: number } | { key: 'hours'; hours: number; minutes: number } | { key: 'minutes'; minutes: number };

function remaining(ms: number): Remaining {
  if (ms <= 0) return { key: 'now' };
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return { key: 'days', days, hours };
  if (hours > 0) return { key: 'hours', hours, minutes: mins };
  return { key: 'minutes', minutes: Math.max(mins, 1) };
}

/**
 * A live "in 3d 4h" next to an absolute UTC time. The server renders the same text from its own
 * clock (`serverNow`), so the first paint matches; the browser then ticks every 30 seconds.
 */
export function Countdown({ to, serverNow }: { to: string; serverNow: string }) {
  const target = new Date(to).getTime();
  const serverMs = new Date(serverNow).getTime();
  const t = useTranslations('countdown');
  const [left, setText] = useState(() => remaining(target - serverMs));
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
      {left.key === 'now'
        ? t('now')
        : left.key === 'days'
          ? t('days', { days: left.days, hours: left.hours })
          : left.key === 'hours'
            ? t('hours', { hours: left.hours, minutes: left.minutes })
            : t('minutes', { minutes: left.minutes })}
    </time>
  );
}
