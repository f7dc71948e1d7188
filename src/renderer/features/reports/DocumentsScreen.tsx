import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, type PrintDoc, type Screen } from '../../app/navigation';
import { currentMonth, monthIndex, monthName, previousMonth, type Month } from './period';
import './reports.css';

/** Years offered for the monthly return: the running one and nine before (events carry the time they were recorded). */
const YEARS = 10;

/**
 * What can be printed, a line each saying what it is: the monthly return and the ammunition
 * holdings are prepared from here; the others open the screen they are printed from.
 */
export function DocumentsScreen() {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const navigate = useNavigate();
  const yearId = useId();
  const monthId = useId();
  const [period, setPeriod] = useState<Month>(() => previousMonth());
  const now = currentMonth();
  const future = monthIndex(period) > monthIndex(now);
  const years = Array.from({ length: YEARS }, (_, i) => now.year - i);
  const print = (doc: PrintDoc) => navigate({ name: 'print', doc, back: { name: 'documents' } });
  const go = (screen: Screen) => () => navigate(screen);
  // A year change keeps the month unless it would lie in the future.
  const setYear = (year: number) => setPeriod((p) => ({ year, month: year === now.year ? Math.min(p.month, now.month) : p.month }));

  return (
    <section className="reg-screen docs" aria-labelledby="docs-title" data-testid="documents-screen">
      <header className="reg-header">
        <h1 id="docs-title">{t('documents.title')}</h1>
      </header>
      <p className="docs-intro">{t('documents.intro')}</p>
      <ul className="docs-list">
        <DocItem id="monthly" name={t('documents.monthly.name')} what={t('documents.monthly.what')}>
          <form
            className="docs-period"
            onSubmit={(e) => {
              e.preventDefault();
              if (!future) print({ kind: 'monthly', year: period.year, month: period.month });
            }}
          >
            <label htmlFor={monthId}>{t('documents.monthly.month')}</label>
            <select id={monthId} value={period.month} onChange={(e) => setPeriod((p) => ({ ...p, month: Number(e.target.value) }))} data-testid="documents-monthly-month">
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m} disabled={period.year === now.year && m > now.month}>
                  {monthName(m, lang)}
                </option>
              ))}
            </select>
            <label htmlFor={yearId}>{t('documents.monthly.year')}</label>
            <select id={yearId} value={period.year} onChange={(e) => setYear(Number(e.target.value))} data-testid="documents-monthly-year">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
            <button type="submit" className="reg-button reg-button--primary" disabled={future} data-testid="documents-monthly-open">
              {t('documents.prepare')}
            </button>
            {future ? <span role="status">{t('documents.monthly.future')}</span> : null}
          </form>
        </DocItem>
        <DocItem id="holdings" name={t('documents.holdings.name')} what={t('documents.holdings.what')}>
          <button type="button" className="reg-button reg-button--primary" onClick={() => print({ kind: 'holdings' })} data-testid="documents-holdings-open">
            {t('documents.prepare')}
          </button>
        </DocItem>
        <DocItem id="register" name={t('documents.register.name')} what={t('documents.register.what')}>
          <button type="button" className="reg-button" onClick={go({ name: 'register' })} data-testid="documents-register-open">
            {t('documents.register.open')}
          </button>
        </DocItem>
        <DocItem id="weaponsOut" name={t('documents.weaponsOut.name')} what={t('documents.weaponsOut.what')}>
          <button type="button" className="reg-button" onClick={go({ name: 'weaponsOut' })} data-testid="documents-weapons-out-open">
            {t('documents.weaponsOut.open')}
          </button>
        </DocItem>
        <DocItem id="stockChecks" name={t('documents.stockChecks.name')} what={t('documents.stockChecks.what')}>
          <button type="button" className="reg-button" onClick={go({ name: 'stockChecks' })} data-testid="documents-stock-checks-open">
            {t('documents.stockChecks.open')}
          </button>
        </DocItem>
        <DocItem id="records" name={t('documents.records.name')} what={t('documents.records.what')} />
      </ul>
    </section>
  );
}

function DocItem(props: { id: string; name: string; what: string; children?: ReactNode }) {
  const titleId = `docs-${props.id}`;
  return (
    <li className="docs-item" aria-labelledby={titleId} data-testid={`documents-${props.id}`}>
      <div className="docs-item__text">
        <h2 id={titleId}>{props.name}</h2>
        <p>{props.what}</p>
      </div>
      {props.children ? <div className="docs-item__actions">{props.children}</div> : null}
    </li>
  );
}
