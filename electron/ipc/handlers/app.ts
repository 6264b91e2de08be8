import { AppError } from '../../services/errors.ts';
import { isAllowedExternalUrl } from '../../services/external-links.ts';
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
    'app:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url))
        throw new AppError(
          'LINK_NOT_ALLOWED',
          "The app only opens links to the service's help pages.",
        );
      await s.openExternal(url);
      return { opened: true };
    },
  };
}
