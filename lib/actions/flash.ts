import 'server-only';
import { cookies } from 'next/headers';

/**
 * A success message that outlives its form. After resigning, publishing, replying, backing a
 * motion or filling the last seat, the page re-renders without the form that was used (the
 * action is no longer on offer), and with the form went its own message. So a successful
 * action also leaves its message in a short-lived cookie; the page's <FlashRegion> (rendered on
 * the server, so it works without JavaScript too) shows it once and the browser then drops it.
 */
export const FLASH_COOKIE = 'quorate-flash';
const MAX_AGE_SECONDS = 20;

export async function setFlash(message: string): Promise<void> {
  try {
    (await cookies()).set(FLASH_COOKIE, `${Date.now().toString(36)}.${encodeURIComponent(message.slice(0, 500))}`, {
      path: '/',
      maxAge: MAX_AGE_SECONDS,
      sameSite: 'lax',
      httpOnly: false,
    });
  } catch {
    // Called outside a request (tests calling an action directly): nothing to show it to.
  }
}

/** The pending message and an id for this showing (the same words twice are two confirmations). */
export async function readFlash(): Promise<{ id: string; message: string } | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  const dot = raw?.indexOf('.') ?? -1;
  if (!raw || dot < 1) return null;
  try {
    return { id: raw.slice(0, dot), message: decodeURIComponent(raw.slice(dot + 1)) };
  } catch {
    return null;
  }
}
