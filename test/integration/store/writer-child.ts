// Child process for store.test.ts: saves drafts in a tight loop until killed.
import { openStore } from '../../../electron/core/store.ts';

const dir = process.argv[2]!;
const store = openStore({ dir });
let version = Number(store.getDraft('p1')?.working.entries[0]?.memo ?? '0');
process.stdout.write('ready\n');
for (;;) {
  version += 1;
  const entries = Array.from({ length: 20000 }, (_, i) => ({
    ip: `10.${(i >> 8) & 255}.${i & 255}.1`,
    cidr: null,
    memo: String(version),
  }));
  store.saveDraft({
    profileId: 'p1',
    base: null,
    working: { mode: 'ALLOW_SPECIFIC', entries },
    updatedAt: new Date().toISOString(),
    merge: null,
  });
}
