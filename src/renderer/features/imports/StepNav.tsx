import { useImportLabels } from './labels';
import { STEPS, type Step, type WizardState, type Wizard } from './useImportWizard';

/** A step can be opened once what it needs exists: a file read for the mapping, a full check for the import. */
export function reachable(state: WizardState, step: Step): boolean {
  if (state.busy || state.result) return step === state.step;
  if (step === 'choose') return true;
  if (!state.shape || !state.mapping) return false;
  return step !== 'confirm' || state.check !== null;
}

/** The five steps, numbered, the current one marked; earlier steps stay one click (or Enter) away. */
export function StepNav(props: { wizard: Wizard }) {
  const l = useImportLabels();
  const { state, goTo } = props.wizard;
  return (
    <nav aria-label={l.t('steps')}>
      <ol className="imp-steps">
        {STEPS.map((step, i) => (
          <li key={step}>
            <button
              type="button"
              className="imp-steps__item"
              aria-current={state.step === step ? 'step' : undefined}
              disabled={!reachable(state, step)}
              data-testid={`import-step-${step}`}
              onClick={() => goTo(step)}
            >
              <span className="imp-steps__n" aria-hidden="true">
                {i + 1}
              </span>
              {l.t(`step.${step}.name`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
