import type { z } from 'zod';
import {
  channels,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type IpcError,
  type IpcResult,
} from '../../shared/contract/ipc.ts';
import { AppError, isAppError, toIpcError } from '../core/errors.ts';

/**
 * The one IPC wrapper: sender check, input parsing, result union.
 *
 * Free of electron imports so that tests and the Playwright bridge run the very same checks
 * with a fake event `{ senderFrame: { url, parent: null } }`.
 */

/** The part of Electron's WebFrameMain that the sender check reads. */
export type SenderFrameLike = { url: string; parent?: unknown } | null | undefined;
/** The part of Electron's IpcMainInvokeEvent that handle() reads. */
export type IpcEventLike = { senderFrame?: SenderFrameLike };

/** What a handler gets next to its parsed input. */
export type HandlerContext = {
  /** Send an event to the renderer (the window that asked). */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
};

export type Handler<C extends ChannelName> = (
  input: z.output<(typeof channels)[C]['input']>,
  context: HandlerContext,
) => Promise<ChannelOutput<C>>;

/** One handler per channel: the type makes a missing handler a compile error. */
export type Handlers = { [C in ChannelName]: Handler<C> };

export type InvokerOptions = {
  /** Origins whose main frame may call (the app's custom protocol origin, e.g. `app://allowlist`). */
  allowedOrigins: readonly string[];
  emit: HandlerContext['emit'];
  /** Log line sink; receives codes and channel names only, never inputs. */
  log?: (line: string) => void;
};

/** Origin of a URL, or null when it has none. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom protocols ("app:") have the opaque origin "null" in WHATWG URL; build it by hand.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * True when the call comes from the app's own page in the top frame.
 *
 * A subframe (`parent` set), another origin, or a destroyed frame (null) is refused.
 */
export function isTrustedSender(
  frame: SenderFrameLike,
  allowedOrigins: readonly string[],
): boolean {
  if (!frame || typeof frame.url !== 'string') return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}

/** Describe zod issues by path, without echoing the values (they may hold a password). */
function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${path}: ${issue.message}`;
  });
  return `Invalid request (${parts.join('; ')}).`;
}

export type Invoke = (
  channel: string,
  event: IpcEventLike,
  rawInput: unknown,
) => Promise<IpcResult<unknown>>;

/**
 * Build the invoke function that main registers for every channel (and the e2e bridge calls).
 *
 * Order: known channel, trusted sender, input parsed, handler called, output parsed (which strips
 * any field the contract does not name). Never throws.
 */
export function createInvoker(handlers: Handlers, options: InvokerOptions): Invoke {
  const log = options.log ?? (() => {});
  return async (channel, event, rawInput) => {
    if (!Object.hasOwn(channels, channel)) {
      log(`ipc refused: unknown channel`);
      return failure(new AppError('UNKNOWN_CHANNEL'));
    }
    const name = channel as ChannelName;
    if (!isTrustedSender(event?.senderFrame, options.allowedOrigins)) {
      log(`ipc refused: ${name} from an untrusted frame`);
      return failure(new AppError('FORBIDDEN_SENDER'));
    }
    const def = channels[name];
    const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) {
      log(`ipc refused: ${name} INVALID_INPUT`);
      return failure(new AppError('INVALID_INPUT', { detail: describeIssues(parsed.error) }));
    }
    try {
      const handler = handlers[name] as (
        input: unknown,
        context: HandlerContext,
      ) => Promise<unknown>;
      const value = await handler(parsed.data, { emit: options.emit });
      const out = def.output.safeParse(value);
      if (!out.success) {
        log(`ipc error: ${name} returned a value outside the contract`);
        return failure(new AppError('INTERNAL', {}, 'INTERNAL_OUTPUT'));
      }
      return { ok: true, value: out.data };
    } catch (error) {
      if (isAppError(error)) {
        log(`ipc error: ${name} ${error.code}`);
        return failure(error);
      }
      log(
        `ipc error: ${name} INTERNAL ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : typeof error}`,
      );
      return failure(new AppError('INTERNAL'));
    }
  };
}

/** An AppError as the failed result the renderer gets. */
function failure(error: AppError): { ok: false; error: IpcError } {
  return { ok: false, error: toIpcError(error) };
}
