import type { Handlers } from '../handle.ts';
import type { MainServices } from '../services.ts';

/** profiles:* */
export function profileHandlers(
  s: MainServices,
): Pick<Handlers, `profiles:${string}` & keyof Handlers> {
  return {
    'profiles:list': async () => s.profiles.list(),
    'profiles:create': async ({ fields, password }) => s.profiles.create(fields, password),
    'profiles:update': async ({ profileId, fields }) => s.profiles.update(profileId, fields),
    'profiles:remove': async ({ profileId }) => {
      s.sync.forget(profileId);
      s.handoff.forget(profileId);
      await s.profiles.remove(profileId);
      return { removed: true as const };
    },
    'profiles:select': async ({ profileId }) => ({ selectedId: s.profiles.select(profileId) }),
    'profiles:set-password': async ({ profileId, password }) => ({
      hasPassword: await s.profiles.setPassword(profileId, password),
    }),
    'profiles:demo-start': async () => {
      const demo = await s.demo.start();
      return s.profiles.ensureDemo(demo.url, demo.login);
    },
  };
}
