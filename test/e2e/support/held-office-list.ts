import { test as base } from './fixtures.ts';
import { startHoldProxy, type HoldProxy } from './hold-proxy.ts';
import { writeRestriction } from './service-calls.ts';
import { OFFICE_LIST } from './seed.ts';
import { addProfileViaUi, expectListFromService } from './ui.ts';

/**
 * The app open on a profile whose service sits behind the hold proxy (hold-proxy.ts), with the
 * office list already read from it: the start of every "typed while a call is in flight" story.
 */
export const testWithHeldOfficeList = base.extend<{ holdProxy: HoldProxy }>({
  holdProxy: async ({ app }, use) => {
    const proxy = await startHoldProxy(app.service.url);
    try {
      await writeRestriction(app.service.url, OFFICE_LIST);
      await app.open();
      await addProfileViaUi(app.page, proxy.url);
      await expectListFromService(app.page, OFFICE_LIST);
      await use(proxy);
    } finally {
      await proxy.close();
    }
  },
});
