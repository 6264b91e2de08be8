import type { Config } from '../../../shared/allowlist/model.ts';
import type { Harness } from '../sync/harness.ts';

/**
 * What the admin does before pressing Push: a profile `name` for the admin on the service at
 * `serviceUrl`, pulled, `working` saved as its draft, and the plan of that save.
 */
export async function plannedSave(
  h: Pick<Harness, 'call' | 'password'>,
  serviceUrl: string,
  working: Config,
  name = 'Tenant',
) {
  const profile = await h.call('profiles:create', {
    fields: { name, serviceUrl, login: 'admin' },
    password: h.password,
  });
  await h.call('sync:pull', { profileId: profile.id });
  await h.call('draft:save', { profileId: profile.id, working });
  const plan = await h.call('sync:plan', { profileId: profile.id });
  return { profile, plan };
}
