import { checkEgress, checkEgressEndpoints, checkSignInPage } from '../../core/egress.ts';
import { DEFAULT_EGRESS_ENDPOINTS } from '../../core/egress.ts';
import type { Handlers } from '../handle.ts';
import type { MainServices } from '../services.ts';

/** handoff:* (cybozu.com tenants saved on the cybozu.com Store: electron/core/handoff.ts). */
export function handoffHandlers(
  s: MainServices,
): Pick<Handlers, `handoff:${string}` & keyof Handlers> {
  const endpoints = () => ({
    endpoints: s.egressEndpoints(),
    defaults: [...DEFAULT_EGRESS_ENDPOINTS],
  });
  return {
    'handoff:status': async ({ profileId }) => s.handoff.status(profileId),
    'handoff:set-in-force': async ({ profileId, config }) =>
      s.handoff.setInForce(profileId, config),
    'handoff:plan': async ({ profileId }) => s.handoff.plan(profileId),
    'handoff:prepare': async ({ profileId, planId, confirmation }) =>
      s.handoff.prepare(profileId, planId, confirmation),
    'handoff:confirm': async ({ profileId }) => s.handoff.confirm(profileId),
    'handoff:cancel': async ({ profileId }) => s.handoff.cancel(profileId),
    'handoff:access-back': async ({ profileId }) => s.handoff.accessBack(profileId),
    'handoff:dismiss': async ({ profileId }) => s.handoff.dismiss(profileId),
    'handoff:egress': async () => checkEgress(s.transport, s.egressEndpoints()),
    'handoff:endpoints': async () => endpoints(),
    'handoff:set-endpoints': async ({ endpoints: list }) => {
      const checked = list === null ? undefined : checkEgressEndpoints(list);
      const { egressEndpoints: _old, ...rest } = s.store.getSettings();
      s.store.saveSettings(checked ? { ...rest, egressEndpoints: checked } : rest);
      return endpoints();
    },
    'handoff:check-sign-in': async ({ profileId }) => {
      const profile = s.handoff.profileOf(profileId);
      return checkSignInPage(s.transport, profile.serviceUrl);
    },
  };
}
