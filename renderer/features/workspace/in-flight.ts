import { useState } from 'react';

/**
 * What the workspace has in flight against the service: a refresh (pull), a plan being made, or
 * a push. One at a time: a refresh replaces the draft under the editor, so a plan or push made
 * from the old draft would be out of date the moment it lands. Instead the other buttons are
 * disabled with the reason (`syncUi.busy.*`) until the running action has finished. The running
 * action is part of the workspace state (workspace-state.ts); the gate is its synchronous check.
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

/**
 * The gate behind `useInFlight`, without React: starts an action only when none runs (checked
 * synchronously, so two presses in one render cannot both start) and reports every change.
 */
export function createInFlightGate(onChange: (current: Activity | null) => void): {
  run: InFlight['run'];
  current: () => Activity | null;
} {
  let running: Activity | null = null;
  return {
    current: () => running,
    run: async <T>(activity: Activity, action: () => Promise<T>): Promise<Ran<T>> => {
      if (running !== null) return { ran: false, busyWith: running };
      running = activity;
      onChange(running);
      try {
        return { ran: true, value: await action() };
      } finally {
        running = null;
        onChange(null);
      }
    },
  };
}

/**
 * A standalone in-flight owner, for a workspace without the workspace reducer (the cybozu.com
 * Store hand-off): the same gate, its running action as React state.
 */
export function useInFlight(): InFlight {
  const [current, setCurrent] = useState<Activity | null>(null);
  const [gate] = useState(() => createInFlightGate(setCurrent));
  return { current, run: gate.run };
}
