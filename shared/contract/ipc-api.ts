import type { z } from 'zod';
import { channels, events } from './channels.ts';
import type { IpcResult } from './ipc-errors.ts';

/** What the contract's channels derive: names, input/output types and the `window.allowlist` API. */

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The channel names, in contract order (the preload exposes exactly these). */
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** Kebab verb to camelCase: `set-password` → `setPassword`. */
export type CamelCase<S extends string> = S extends `${infer H}-${infer T}`
  ? `${H}${Capitalize<CamelCase<T>>}`
  : S;

type AreaOf<C extends string> = C extends `${infer A}:${string}` ? A : never;
type Area = AreaOf<ChannelName>;

/** Runtime twin of CamelCase. */
export function camelCase(verb: string): string {
  return verb.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Split `area:verb` into the API path (`['profiles', 'setPassword']`). */
export function apiPath(channel: string): [string, string] {
  const [area, verb] = channel.split(':') as [string, string];
  return [area, camelCase(verb)];
}

/**
 * The renderer-facing API on `window.allowlist`, derived from the contract.
 *
 * `window.allowlist.profiles.setPassword({ profileId, password })` invokes `profiles:set-password`.
 * `on(event, listener)` subscribes to an event and returns the unsubscribe function.
 */
export type AllowlistApi = {
  [A in Area]: {
    [C in ChannelName as C extends `${A}:${infer V}` ? CamelCase<V> : never]: (
      input: ChannelInput<C>,
    ) => Promise<IpcResult<ChannelOutput<C>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
