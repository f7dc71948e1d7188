import type { RegisterView } from '../../../app/navigation';
import type { Labels } from '../labels';

const FILTER_ORDER = ['type', 'status', 'agency', 'calibre', 'location'] as const;

/** A filter's value as the register screen shows it: list labels for codes, the text as typed otherwise. */
function filterValue(labels: Labels, key: (typeof FILTER_ORDER)[number], value: string): string {
  if (key === 'type') return labels.type(value);
  if (key === 'status') return labels.status(value);
  if (key === 'agency') return labels.agency(value);
  return value;
}

/** Whether the printed list is less than the whole register (any search or filter). */
export function isPartial(view: RegisterView): boolean {
  return view.search.trim() !== '' || FILTER_ORDER.some((k) => (view.filters[k] ?? '') !== '');
}

/**
 * What the printed register covers, in words: "Partial list: type: Pistol · search “AK”" or
 * "Complete register", then the order, so a filtered list is never taken for the whole register.
 */
export function registerSubtitle(labels: Labels, view: RegisterView): string {
  const t = (key: string, params?: Record<string, unknown>) => labels.t(`registerPrint:register.${key}`, params ?? {});
  const parts: string[] = [];
  for (const key of FILTER_ORDER) {
    const value = view.filters[key];
    if (value) parts.push(t('filter', { field: labels.field(key), value: filterValue(labels, key, value) }));
  }
  if (view.search.trim()) parts.push(t('search', { value: view.search.trim() }));
  const scope = parts.length ? t('partial', { filters: parts.join(' · ') }) : t('complete');
  const order = t('order', { column: t(`sort.${view.sort}`), dir: t(`dir.${view.dir}`) });
  return `${scope} — ${order}`;
}
