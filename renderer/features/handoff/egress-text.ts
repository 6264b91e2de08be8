import type { TFunction } from 'i18next';
import type { EgressView } from '../../../shared/contract/ipc.ts';
import { seenAddresses } from '../../../shared/handoff/egress.ts';

/** The sentence about the admin's address for one egress check, in the UI language. */
export function egressText(t: TFunction, egress: EgressView): string {
  switch (egress.verdict) {
    case 'agree':
      return t('handoff.egress.agree', { ip: egress.ip ?? '' });
    case 'disagree':
      return t('handoff.egress.disagree', {
        ips: seenAddresses(egress.answers).join(t('handoff.egress.separator')),
      });
    case 'ipv6-only':
      return t('handoff.egress.ipv6Only', {
        ip: egress.answers.find((a) => a.family === 'ipv6')?.ip ?? '',
      });
    case 'none':
      return t('handoff.egress.none');
  }
}
