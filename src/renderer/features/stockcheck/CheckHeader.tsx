import type { ReactNode } from 'react';
import type { CheckRow } from '../../../shared/contract/stockcheck';
import { useNavigate } from '../../app/navigation';
import { useCheckLabels } from './labels';

/**
 * A check's title, its state and the button to its paper form: the count sheet while it is open,
 * the inventory report once closed. `children` adds the open check's own actions.
 */
export function CheckHeader(props: { check: CheckRow; back: ReactNode; title: string; titleId: string; primaryPrint: boolean; children?: ReactNode }) {
  const labels = useCheckLabels();
  const navigate = useNavigate();
  const { check } = props;
  const open = check.status === 'open';
  const kind = open ? 'countSheet' : 'inventory';
  return (
    <header className="reg-header">
      {props.back}
      <h1 id={props.titleId}>
        {props.title} <small>{labels.scope(check)}</small>
      </h1>
      <span className={`sc-badge ${open ? 'sc-badge--warn' : 'sc-badge--ok'}`} data-testid="check-state">
        {labels.t(open ? 'state.open' : 'state.closed')}
      </span>
      <button
        type="button"
        className={props.primaryPrint ? 'reg-button reg-button--primary' : 'reg-button'}
        onClick={() => navigate({ name: 'print', doc: { kind, checkId: check.id }, back: { name: 'stockCheck', id: check.id } })}
        data-testid={open ? 'print-count-sheet' : 'print-inventory'}
      >
        {labels.t(open ? 'sheet.print' : 'report.print')}
      </button>
      {props.children}
    </header>
  );
}
