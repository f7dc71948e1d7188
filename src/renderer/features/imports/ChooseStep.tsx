import { IMPORT_KINDS } from '../../../shared/domain/spreadsheet';
import { BusyButton } from '../../components/BusyButton';
import { FileFacts } from './FileFacts';
import { useImportLabels } from './labels';
import { PastImports } from './PastImports';
import type { Wizard } from './useImportWizard';

/** Step 1: what the file holds, the file itself, and what Gardien understood of it. */
export function ChooseStep(props: { wizard: Wizard }) {
  const l = useImportLabels();
  const { state, choose, setKind, goTo } = props.wizard;
  const busy = state.busy !== null;
  return (
    <div className="imp-step" data-testid="import-choose">
      <p className="hint">{l.t('step.choose.intro')}</p>
      <fieldset className="imp-kinds" disabled={busy}>
        <legend>{l.t('kind.legend')}</legend>
        {IMPORT_KINDS.map((kind) => (
          <label key={kind} className="imp-kind">
            <input type="radio" name="imp-kind" value={kind} checked={state.kind === kind} onChange={() => setKind(kind)} data-testid={`import-kind-${kind}`} />
            <span>
              {l.t(`kind.${kind}`)}
              <small>{l.t(`kind.${kind}Hint`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="imp-actions">
        <BusyButton
          type="button"
          className={state.shape ? 'reg-button' : 'reg-button reg-button--primary'}
          busy={busy}
          busyLabel={l.t('choose.reading')}
          onClick={() => void choose()}
          testId="import-choose-file"
        >
          {l.t(state.shape ? 'choose.another' : 'choose.file')}
        </BusyButton>
      </div>
      {state.shape ? (
        <>
          <FileFacts shape={state.shape} />
          <div className="imp-actions">
            <button type="button" className="reg-button reg-button--primary" disabled={busy} onClick={() => goTo('map')} data-testid="import-next">
              {l.t('next.map')}
            </button>
          </div>
        </>
      ) : null}
      <PastImports />
    </div>
  );
}
