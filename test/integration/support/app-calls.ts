import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  IpcResult,
} from '../../../shared/contract/ipc.ts';
import { createInvoker } from '../../../electron/ipc/handle.ts';
import type { CreatedHandlers } from '../../../electron/ipc/handlers.ts';

/** The app window's origin and a request from it, as the real invoker checks them. */
export const APP_ORIGIN = 'app://allowlist';
export const FROM_APP = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };

export type Invoke = ReturnType<typeof createInvoker>;

/** The real invoker over these handlers, for requests from the app window. */
export function appInvoker(
  created: CreatedHandlers,
  options: Omit<Parameters<typeof createInvoker>[1], 'allowedOrigins' | 'emit'> & {
    emit?: Parameters<typeof createInvoker>[1]['emit'];
  } = {},
): Invoke {
  return createInvoker(created.handlers, {
    allowedOrigins: [APP_ORIGIN],
    emit: () => {},
    ...options,
  });
}

/**
 * Invoke a channel as the app window: the value, or a thrown Error carrying the result's error
 * (code, message, params). `invoke` is asked each time (a restart replaces it).
 */
export function callerOf(invoke: () => Invoke) {
  return async <C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> => {
    const result = (await invoke()(channel, FROM_APP, input)) as IpcResult<ChannelOutput<C>>;
    if (!result.ok)
      throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), result.error);
    return result.value;
  };
}
