import { AGENCIES, WEAPON_STATUSES, WEAPON_TYPES } from '../../../../shared/domain/enums';
import type { RegisterQuery } from '../../../../shared/contract/register';
import { useLabels } from '../labels';

export type Filters = NonNullable<RegisterQuery['filters']>;
type SelectKey = 'type' | 'status' | 'agency';
type TextKey = 'calibre' | 'location';

/** Filters on indexed columns: type, status, agency as lists; calibre and location as exact text. */
export function RegisterFilters(props: { filters: Filters; onChange: (f: Filters) => void }) {
  const labels = useLabels();
  const { filters } = props;
  const set = (key: SelectKey | TextKey, value: string) => {
    const next: Record<string, string> = { ...(filters as Record<string, string>) };
    if (value === '') delete next[key];
    else next[key] = value;
    props.onChange(next as Filters);
  };
  const select = (key: SelectKey, codes: readonly string[], label: (c: string) => string) => (
    <label className="reg-filter">
      <span>{labels.field(key)}</span>
      <select value={filters[key] ?? ''} onChange={(e) => set(key, e.target.value)} data-testid={`filter-${key}`}>
        <option value="">{labels.t('register:list.any')}</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {label(c)}
          </option>
        ))}
      </select>
    </label>
  );
  const text = (key: TextKey, max: number) => (
    <label className="reg-filter">
      <span>{labels.field(key)}</span>
      <input
        type="text"
        value={filters[key] ?? ''}
        maxLength={max}
        placeholder={labels.t(`register:list.placeholder.${key}`)}
        title={labels.t('register:list.exactMatch')}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`filter-${key}`}
      />
    </label>
  );
  const any = Object.values(filters).some((v) => v !== undefined && v !== '');
  return (
    <div className="reg-filters" role="group" aria-label={labels.t('register:list.filters')}>
      {select('type', WEAPON_TYPES, labels.type)}
      {select('status', WEAPON_STATUSES, labels.status)}
      {select('agency', AGENCIES, labels.agency)}
      {text('calibre', 40)}
      {text('location', 80)}
      {any ? (
        <button type="button" className="reg-link" onClick={() => props.onChange({})}>
          {labels.t('register:list.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
