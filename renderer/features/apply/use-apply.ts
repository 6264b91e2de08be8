import { useCallback, useEffect, useState } from 'react';
import type { ApplyStatusView } from '../../../shared/contract/ipc.ts';
import { api, call, errorText } from '../../lib/api.ts';

/** What the workspace needs to show apply tracking and recovery. */
export type ApplyTracking = {
  status: ApplyStatusView | null;
  /** The service refused this computer after a push (kept until the admin moves on). */
  lockedOut: boolean;
  /** Locked out earlier and the last probe got through: offer the restore. */
  accessBack: boolean;
  probing: boolean;
  probeError: string | null;
  /** When the last probe that still found a lockout ran. */
  lastProbeAt: Date | null;
  /** Ask the service now (apply:probe). */
  probe: () => Promise<void>;
  /** A push came back: show its status at once (events follow). */
  started: (status: ApplyStatusView) => void;
  /** Leave recovery (restored, or the admin keeps the current list). */
  dismissRecovery: () => void;
  dismiss: () => void;
};

/**
 * Follow main's apply tracker for one profile: `apply:status` once, then `apply:state` events.
 *
 * A `locked-out` phase turns recovery on; it stays on after access returns (phase `verified`)
 * until the admin restores the previous revision or chooses to keep the current list.
 */
export function useApply(profileId: string): ApplyTracking {
  const [stored, setStatus] = useState<ApplyStatusView | null>(null);
  // The profile whose recovery is on (a profile switch leaves the other one's behind).
  const [recoveryOf, setRecovery] = useState<string | null>(null);
  const status = stored?.profileId === profileId ? stored : null;
  const recovery = recoveryOf === profileId;
  const [probing, setProbing] = useState(false);
  const [probeError, setProbeError] = useState<string | null>(null);
  const [lastProbeAt, setLastProbeAt] = useState<Date | null>(null);
  const [hidden, setHidden] = useState<string | null>(null);

  const accept = useCallback(
    (next: ApplyStatusView) => {
      if (next.profileId !== profileId) return;
      setStatus(next);
      if (next.phase === 'locked-out') setRecovery(profileId);
    },
    [profileId],
  );

  useEffect(() => {
    let alive = true;
    const off = api().on('apply:state', accept);
    call(api().apply.status({ profileId }))
      .then((s) => alive && accept(s))
      .catch(() => undefined);
    return () => {
      alive = false;
      off();
    };
  }, [profileId, accept]);

  const probe = useCallback(async () => {
    setProbing(true);
    setProbeError(null);
    try {
      const next = await call(api().apply.probe({ profileId }));
      accept(next);
      if (next.phase === 'locked-out') setLastProbeAt(new Date());
    } catch (e) {
      setProbeError(errorText(e));
    } finally {
      setProbing(false);
    }
  }, [profileId, accept]);

  const visible = status && hidden !== `${status.revision}:${status.phase}` ? status : null;
  return {
    status: visible,
    lockedOut: recovery && status?.phase === 'locked-out',
    accessBack: recovery && status?.phase === 'verified',
    probing,
    probeError,
    lastProbeAt,
    probe,
    started: (s) => {
      setHidden(null);
      // Events may have overtaken the push's reply: never step back to "applying".
      const ahead = status?.revision === s.revision && status.phase !== 'applying';
      if (!ahead) accept(s);
    },
    dismissRecovery: () => setRecovery(null),
    dismiss: () => status && setHidden(`${status.revision}:${status.phase}`),
  };
}

/** `m:ss` (or `h:mm:ss`) for a duration in milliseconds, never negative. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The current time, re-rendered every second while `active`. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active]);
  return now;
}
