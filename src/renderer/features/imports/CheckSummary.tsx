import type { ImportCheck, ImportKind } from '../../../shared/domain/spreadsheet';
import { useImportLabels } from './labels';

type Fact = 'rows' | 'valid' | 'invalid' | 'duplicatesInFile' | 'duplicatesInRegister';
const FACTS: readonly Fact[] = ['rows', 'valid', 'invalid', 'duplicatesInFile', 'duplicatesInRegister'];

/** The check's counts: rows read, valid, invalid, and duplicates inside the file and against the register. */
export function CheckSummary(props: { kind: ImportKind; check: ImportCheck }) {
  const l = useImportLabels();
  const { check } = props;
  const ok = check.invalid === 0;
  return (
    <section className={`panel imp-summary${ok ? ' imp-summary--ok' : ''}`} aria-labelledby="imp-summary-title" data-testid="import-check-summary">
      <h3 id="imp-summary-title">{l.t(ok ? 'check.allValid' : 'check.someInvalid', { count: check.invalid, n: l.number(check.invalid) })}</h3>
      <dl className="imp-counts">
        {FACTS.map((fact) => (
          <div key={fact} className={`imp-count${fact === 'invalid' && check.invalid > 0 ? ' imp-count--bad' : ''}`}>
            <dt>{l.t(`check.${fact}`)}</dt>
            <dd data-testid={`import-check-${fact}`} data-value={check[fact]}>
              {l.number(check[fact])}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
