import type { Alert } from '../../../../shared/contract/commission';
import type { CommissionLabels } from '../labels';

/**
 * An alert as a sentence: commission:alerts.message.<kind>, fed with the alert's own values; codes
 * among them (a rejection reason, a weapon status) are translated first, numbers formatted, and a
 * number of days picks the singular or plural sentence.
 */
export function alertText(l: CommissionLabels, a: Alert): string {
  const params: Record<string, string | number> = { armoury: a.armoury || '—', subject: a.subject };
  for (const [k, v] of Object.entries(a.params)) params[k] = typeof v === 'number' ? l.number(v) : v;
  if (typeof a.params.reason === 'string') params.reason = l.reason(a.params.reason);
  if (typeof a.params.status === 'string') params.status = l.status(a.params.status);
  if (a.kind === 'silent_armoury' || a.kind === 'unmatched_transfer') params.count = typeof a.params.days === 'number' ? a.params.days : 0;
  else delete params.count;
  return l.t(`alerts.message.${a.kind}`, params);
}
