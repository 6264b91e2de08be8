import type { Handlers } from '../handle.ts';
import type { MainServices } from '../services.ts';

type SyncAreas = `${'draft' | 'sync' | 'merge' | 'apply' | 'history'}:${string}` & keyof Handlers;

/** draft:*, sync:*, merge:*, apply:*, history:* */
export function syncHandlers(s: MainServices): Pick<Handlers, SyncAreas> {
  return {
    'draft:get': async ({ profileId }) => s.drafts.get(profileId),
    'draft:save': async ({ profileId, working }) => s.drafts.save(profileId, working),
    'sync:status': async ({ profileId }) => s.drafts.status(profileId),
    'sync:pull': async ({ profileId }) => s.drafts.pull(profileId),
    'sync:discard-and-pull': async ({ profileId }) => s.drafts.discardAndPull(profileId),
    'sync:plan': async ({ profileId }) => s.sync.plan(profileId),
    'sync:push': async ({ profileId, planId, confirmation }, ctx) =>
      s.sync.push(profileId, planId, confirmation, (status) => ctx.emit('apply:state', status)),
    'merge:resolve': async ({ profileId, resolutions }) => s.drafts.resolve(profileId, resolutions),
    'apply:status': async ({ profileId }, ctx) =>
      s.sync.status(profileId, (status) => ctx.emit('apply:state', status)),
    'apply:probe': async ({ profileId }) => s.sync.probe(profileId),
    'history:list': async ({ profileId }) => s.drafts.history(profileId),
    'history:restore': async ({ profileId, historyId }) => s.drafts.restore(profileId, historyId),
  };
}
