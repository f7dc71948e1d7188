import { useEffect, useRef } from 'react';
import { call } from '../lib/client';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;
/** Core counts activity only on calls: while someone types a long form, tell it now and then. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Calls `onIdle` once `minutes` pass without a key, click or scroll. One timer, re-armed when it
 * fires early, rather than a new timer per keystroke.
 */
export function useIdleLock(minutes: number, enabled: boolean, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    if (!enabled) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let touched = last;
    let timer = 0;
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) onIdleRef.current();
      else timer = window.setTimeout(check, limit - idle);
    };
    const activity = () => {
      last = Date.now();
      if (last - touched >= TOUCH_EVERY_MS) {
        touched = last;
        void call('settings.get', {});
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, activity, { capture: true, passive: true });
    timer = window.setTimeout(check, limit);
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, activity, { capture: true });
    };
  }, [minutes, enabled]);
}
