import type { RegistryKey } from '../../../../shared/contract/commission';
import { groupHex, useCommissionLabels } from '../labels';

const BADGE: Record<RegistryKey['state'], string> = { active: 'ok', announced: 'warn', retired: 'off', revoked: 'danger' };

/** One key of an armoury: its id, state and dates, and what a manager may do with it. */
export function KeyCell(props: { k: RegistryKey; manager: boolean; onRevoke: () => void; onAccept: () => void }) {
  const l = useCommissionLabels();
  const { k } = props;
  const revocable = k.state === 'active' || k.state === 'announced';
  return (
    <li className="cm-key" data-key-id={k.keyId} data-key-state={k.state}>
      <span className="code" title={groupHex(k.fingerprint.replace(/[\s:-]/g, ''))}>
        {k.keyId}
      </span>{' '}
      <span className={`cm-badge cm-badge--${BADGE[k.state]}`}>{l.keyState(k.state)}</span>{' '}
      <span className="cm-sub cm-sub--inline">
        {k.until ? l.t('keys.between', { since: l.dateTime(k.since), until: l.dateTime(k.until) }) : l.t('keys.since', { since: l.dateTime(k.since) })}
        {k.state === 'revoked' && k.reason ? ` · ${k.reason}` : ''}
      </span>
      {props.manager && revocable ? (
        <span className="cm-key__actions">
          {k.state === 'announced' ? (
            <button type="button" className="button button--small" data-testid={`accept-${k.keyId}`} onClick={props.onAccept}>
              {l.t('keys.accept')}
            </button>
          ) : null}
          {revocable ? (
            <button type="button" className="button button--small button--danger" data-testid={`revoke-${k.keyId}`} onClick={props.onRevoke}>
              {l.t('keys.revoke')}
            </button>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}
