import { describe, expect, it } from 'vitest';
import { createInvoker, isTrustedSender, type Handlers } from '../../../../electron/ipc/handle.ts';
import { AppError } from '../../../../electron/core/errors.ts';

const FROM_APP = { senderFrame: { url: 'app://allowlist/index.html', parent: null } };

function invokerWith(handler: (input: unknown) => Promise<unknown>, log: string[] = []) {
  const handlers = new Proxy({}, { get: () => handler }) as Handlers;
  return createInvoker(handlers, {
    allowedOrigins: ['app://allowlist'],
    emit: () => {},
    log: (l) => log.push(l),
  });
}

describe('handle()', () => {
  it('accepts the app origin in the main frame only', () => {
    expect(isTrustedSender({ url: 'app://allowlist/x', parent: null }, ['app://allowlist'])).toBe(
      true,
    );
    expect(
      isTrustedSender({ url: 'http://127.0.0.1:5173/', parent: null }, ['app://allowlist']),
    ).toBe(false);
    expect(
      isTrustedSender({ url: 'app://allowlist/x', parent: { url: 'app://allowlist/' } }, [
        'app://allowlist',
      ]),
    ).toBe(false);
    expect(isTrustedSender(null, ['app://allowlist'])).toBe(false);
  });

  it('turns an AppError into its code and sentence, anything else into INTERNAL without its text', async () => {
    const log: string[] = [];
    const failing = invokerWith(async () => {
      throw new AppError('OFFLINE');
    }, log);
    expect(await failing('profiles:list', FROM_APP, {})).toEqual({
      ok: false,
      error: {
        code: 'OFFLINE',
        message:
          'The service cannot be reached. Your draft is kept on this computer. Check the network, then try again.',
      },
    });
    const crashing = invokerWith(async () => {
      throw new Error('secret detail /home/u/file');
    });
    const result = await crashing('profiles:list', FROM_APP, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
  });

  it('strips fields the contract does not name from an answer, and refuses an answer outside it', async () => {
    const leaky = invokerWith(async () => ({ hasPassword: true, password: 'hunter2' }));
    expect(
      await leaky('profiles:set-password', FROM_APP, { profileId: 'p', password: 'x' }),
    ).toEqual({ ok: true, value: { hasPassword: true } });
    const wrong = invokerWith(async () => ({ nope: 1 }));
    expect(
      await wrong('profiles:set-password', FROM_APP, { profileId: 'p', password: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('names the invalid field without echoing the value', async () => {
    const ok = invokerWith(async () => ({ hasPassword: true }));
    const result = await ok('profiles:set-password', FROM_APP, {
      profileId: 'p',
      password: 123456789,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) {
      expect(result.error.message).toContain('password');
      expect(result.error.message).not.toContain('123456789');
    }
  });
});
