import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  apiPath,
  type AllowlistApi,
} from '../../shared/contract/ipc.ts';

/**
 * Build `window.allowlist` from the contract: one function per channel, `on` for events.
 *
 * No electron import: the preload passes ipcRenderer's invoke and on/off; tests pass fakes.
 * Nothing else is exposed (no generic invoke, no ipcRenderer).
 */
export function buildAllowlistApi(
  invoke: (channel: string, input: unknown) => Promise<unknown>,
  subscribe: (event: string, listener: (payload: unknown) => void) => () => void,
): AllowlistApi {
  const api: Record<string, Record<string, unknown> | unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    const [area, verb] = apiPath(channel);
    const group = (api[area] ??= {}) as Record<string, unknown>;
    group[verb] = (input: unknown) => invoke(channel, input ?? {});
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event))
      throw new Error(`Unknown event "${event}".`);
    return subscribe(event, listener);
  };
  return api as unknown as AllowlistApi;
}
