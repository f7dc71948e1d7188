import { useCommissionLabels } from './labels';

/** Previous / next page of a long list, with where we are in it ("101–200 of 20,000"). */
export function Pager(props: { offset: number; limit: number; total: number; onChange: (offset: number) => void; testId?: string }) {
  const l = useCommissionLabels();
  const { offset, limit, total } = props;
  if (total <= limit && offset === 0) return null;
  const last = Math.min(total, offset + limit);
  return (
    <nav className="cm-pager" aria-label={l.t('pager.label')} data-testid={props.testId ?? 'pager'}>
      <button type="button" className="button button--small" disabled={offset === 0} onClick={() => props.onChange(Math.max(0, offset - limit))}>
        {l.t('pager.previous')}
      </button>
      <span aria-live="polite">{l.t('pager.range', { first: l.number(total === 0 ? 0 : offset + 1), last: l.number(last), total: l.number(total) })}</span>
      <button type="button" className="button button--small" disabled={last >= total} onClick={() => props.onChange(offset + limit)}>
        {l.t('pager.next')}
      </button>
    </nav>
  );
}
