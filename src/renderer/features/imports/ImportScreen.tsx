import { useEffect, useRef } from 'react';
import type { ImportKind } from '../../../shared/domain/spreadsheet';
import { useNavigate } from '../../app/navigation';
import { CheckStep } from './CheckStep';
import { ChooseStep } from './ChooseStep';
import { ConfirmStep } from './ConfirmStep';
import { ImportError } from './ImportError';
import { useImportLabels } from './labels';
import { LIST_OF } from './lists';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { StepNav } from './StepNav';
import { useImportWizard } from './useImportWizard';

/**
 * Bringing an existing register in from a spreadsheet, in five steps a storekeeper can follow:
 * choose the file, say which column is which, look at the first rows, check every row, import.
 * Every step can be revisited; the mapping made by hand survives any refusal.
 */
export function ImportScreen(props: { kind: ImportKind }) {
  const l = useImportLabels();
  const navigate = useNavigate();
  const wizard = useImportWizard(props.kind);
  const { state } = wizard;
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step starts with its heading focused: keyboard and screen reader users land on what changed.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [state.step]);

  let body;
  const { shape, mapping } = state;
  if (state.step === 'choose' || !shape || !mapping || !state.path) body = <ChooseStep wizard={wizard} />;
  else if (state.step === 'map') body = <MappingStep key={`${shape.fileSha256}-${state.kind}`} wizard={wizard} shape={shape} mapping={mapping} />;
  else if (state.step === 'preview') body = <PreviewStep wizard={wizard} />;
  else if (state.step === 'check') body = <CheckStep wizard={wizard} />;
  else body = <ConfirmStep wizard={wizard} />;

  return (
    <section className="reg-screen imp-screen" aria-labelledby="imp-title" data-testid="import-screen" data-step={state.step}>
      <header className="reg-header">
        <button type="button" className="reg-link" onClick={() => navigate({ name: LIST_OF[state.kind] })} disabled={state.busy === 'run'}>
          {l.t(`back.${state.kind}`)}
        </button>
        <h1 id="imp-title">{l.t('title')}</h1>
      </header>
      <StepNav wizard={wizard} />
      <h2 className="imp-step-title" ref={heading} tabIndex={-1} data-testid="import-step-title">
        {l.t(`step.${state.step}.title`)}
      </h2>
      {state.step !== 'check' && state.step !== 'confirm' ? <ImportError kind={state.kind} error={state.error} /> : null}
      {body}
    </section>
  );
}
