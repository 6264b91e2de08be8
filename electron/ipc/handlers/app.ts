import type { Handlers } from '../handle.ts';
import type { MainServices } from '../services.ts';

/** app:* */
export function appHandlers(s: MainServices): Pick<Handlers, `app:${string}` & keyof Handlers> {
  return {
    'app:info': async () => ({ ...s.appInfo, locale: s.store.getSettings().locale }),
    'app:set-locale': async ({ locale }) => {
      s.store.saveSettings({ ...s.store.getSettings(), locale });
      return { locale };
    },
    'app:notices': async () => s.store.takeNotices(),
  };
}
