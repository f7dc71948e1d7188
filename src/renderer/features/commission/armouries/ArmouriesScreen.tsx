import { useCallback, useEffect, useState } from 'react';
import type { NationalArmoury, RegistryKey } from '../../../../shared/contract/commission';
import type { AppErrorShape } from '../../../../shared/result';
import { canManage, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { useCommissionLabels } from '../labels';
import { useCommissionNavigate } from '../screens';
import { KeyCell } from './KeyCell';
import { AcceptRotationDialog, EnrolDialog, RevokeKeyDialog } from './KeyDialogs';

type Open = { kind: 'enrol' } | { kind: 'revoke' | 'accept'; armoury: NationalArmoury; key: RegistryKey };

/**
 * Enrolled armouries with their last snapshot and keys. Managers enrol an armoury from its paper
 * certificate, revoke a key and accept a rotation; everyone sees who is silent.
 */
export function ArmouriesScreen(props: { highlight?: string | undefined }) {
  const l = useCommissionLabels();
  const session = useSession();
  const navigate = useCommissionNavigate();
  const manager = canManage(session);
  const [armouries, setArmouries] = useState<NationalArmoury[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('commission.armouries', {});
    if (r.ok) setArmouries(r.value);
    else setError(r.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Arriving from an alert: bring that armoury's row into view.
  useEffect(() => {
    if (props.highlight && armouries) document.getElementById(`cm-armoury-${props.highlight}`)?.scrollIntoView({ block: 'center' });
  }, [props.highlight, armouries]);

  const finished = (message: string) => {
    setOpen(null);
    setError(null);
    setDone(message);
    void load();
  };

  return (
    <section className="page cm-page" aria-labelledby="cm-armouries-title">
      <div className="page__head">
        <h1 id="cm-armouries-title">{l.t('armouries.title')}</h1>
        {manager ? (
          <button type="button" className="button button--primary" data-testid="enrol-open" onClick={() => setOpen({ kind: 'enrol' })}>
            {l.t('armouries.enrol')}
          </button>
        ) : null}
      </div>
      <p className="hint">{l.t('armouries.intro')}</p>
      {done ? (
        <p className="banner banner--ok" role="status" data-testid="armouries-done">
          {done}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {armouries && armouries.length === 0 ? <p data-testid="armouries-empty">{l.t('armouries.empty')}</p> : null}
      {armouries && armouries.length > 0 ? (
        <div className="cm-table-wrap">
          <table className="table table--compact cm-table" data-testid="armouries-table">
            <thead>
              <tr>
                <th scope="col">{l.t('armouries.column.code')}</th>
                <th scope="col">{l.t('armouries.column.name')}</th>
                <th scope="col">{l.t('armouries.column.lastSnapshot')}</th>
                <th scope="col" className="num">{l.t('armouries.column.journal')}</th>
                <th scope="col" className="num">{l.t('armouries.column.weapons')}</th>
                <th scope="col" className="num">{l.t('armouries.column.silent')}</th>
                <th scope="col">{l.t('armouries.column.keys')}</th>
              </tr>
            </thead>
            <tbody>
              {armouries.map((a) => (
                <tr key={a.code} id={`cm-armoury-${a.code}`} className={props.highlight === a.code ? 'cm-row--highlight' : undefined} data-armoury={a.code}>
                  <th scope="row" className="code">
                    {a.code}
                  </th>
                  <td>
                    {a.name}
                    {a.agency ? <span className="cm-sub">{l.agency(a.agency)}{a.region ? ` · ${a.region}` : ''}</span> : null}
                  </td>
                  <td data-testid="armoury-last">
                    {a.lastNumber === null ? (
                      <span className="cm-muted">{l.t('armouries.never')}</span>
                    ) : (
                      <>
                        {l.t('armouries.snapshotNumber', { n: l.number(a.lastNumber) })}
                        <span className="cm-sub">{l.dateTime(a.lastCreated)}</span>
                      </>
                    )}
                  </td>
                  <td className="num">{l.number(a.lastSeq)}</td>
                  <td className="num">
                    <button type="button" className="cm-link" onClick={() => navigate({ name: 'register', armoury: a.code })}>
                      {l.number(a.weapons)}
                    </button>
                  </td>
                  <td className="num" data-testid="armoury-silent">
                    {a.silentDays === null ? '—' : l.t('armouries.days', { count: a.silentDays, n: l.number(a.silentDays) })}
                  </td>
                  <td>
                    <ul className="cm-keys">
                      {a.keys.map((k) => (
                        <KeyCell
                          key={k.keyId}
                          k={k}
                          manager={manager}
                          onRevoke={() => setOpen({ kind: 'revoke', armoury: a, key: k })}
                          onAccept={() => setOpen({ kind: 'accept', armoury: a, key: k })}
                        />
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open?.kind === 'enrol' ? (
        <EnrolDialog onClose={() => setOpen(null)} onDone={(a) => finished(l.t('armouries.enrolled', { code: a.code, name: a.name }))} />
      ) : null}
      {open?.kind === 'revoke' ? (
        <RevokeKeyDialog
          armoury={open.armoury}
          k={open.key}
          onClose={() => setOpen(null)}
          onDone={() => finished(l.t('armouries.revoked', { keyId: open.key.keyId, code: open.armoury.code }))}
        />
      ) : null}
      {open?.kind === 'accept' ? (
        <AcceptRotationDialog
          armoury={open.armoury}
          k={open.key}
          onClose={() => setOpen(null)}
          onDone={() => finished(l.t('armouries.accepted', { keyId: open.key.keyId, code: open.armoury.code }))}
        />
      ) : null}
    </section>
  );
}
