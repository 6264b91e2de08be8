import { useCallback, useRef, useState } from 'react';

/**
 * What the workspace has in flight against the service: a refresh (pull), a plan being made, or
 * a push. One at a time: a refresh replaces the draft and remounts the workspace body, so a plan
 * or push result landing in the old body would be dropped without a word. Instead the other
 * buttons are disabled with the reason (`syncUi.busy.*`) until the running action has finished.
 */
export type Activity = 'refresh' | 'review' | 'push';

/** A started action's value, or why it did not start (`busyWith` is running). */
export type Ran<T> = { ran: true; value: T } | { ran: false; busyWith: Activity };

/** The workspace's one owner of "what is in flight". */
export type InFlight = {
  /** The running action, or null. */
  current: Activity | null;
  /** Run `action` as `activity` unless another one is running (then it is not started). */
  run: <T>(activity: Activity, action: () => Promise<T>) => Promise<Ran<T>>;
};

/** The in-flight owner of one workspace (a ref guards against two starts in one render). */
export function useInFlight(): InFlight {
  const running = useRef<Activity | null>(null);
  const [current, setCurrent] = useState<Activity | null>(null);
  const run = useCallback(async <T>(activity: Activity, action: () => Promise<T>) => {
    if (running.current !== null) return { ran: false, busyWith: running.current } as const;
    running.current = activity;
    setCurrent(activity);
    try {
      return { ran: true, value: await action() } as const;
    } finally {
      running.current = null;
      setCurrent(null);
    }
  }, []);
  return { current, run };
}
