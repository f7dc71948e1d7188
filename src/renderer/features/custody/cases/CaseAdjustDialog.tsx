import type { FieldErrors } from 'react-hook-form';
import type { LotDossier, StoreView } from '../../../../shared/contract/ammunition';
import type { CaseDossier } from '../../../../shared/contract/custody';
import { AMMO_CONDITIONS } from '../../../../shared/domain/ammunition';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { useRecord } from '../../../lib/useRecord';
import { errorAt, FormDialog } from '../../ammunition/FormDialog';
import { useAmmoLabels } from '../../ammunition/labels';
import { DirectionField } from '../../ammunition/movements/DirectionField';
import { movementDefaults, SPECS, type Values } from '../../ammunition/movements/specs';
import { DestinationFields } from '../../ammunition/PlaceFields';
import { QuantityField } from '../../ammunition/QuantityField';
import { useAmmoForm } from '../../ammunition/useAmmoForm';
import { useStores } from '../../ammunition/useStores';
import { countDifference } from './countDifference';
import { useCaseLabels } from './labels';

/**
 * "Adjust the book" on a stock check's lot case: the ammunition adjustment (two people, SPECS.adjust)
 * prefilled with the case's lot, the place counted and the difference, sent with the case's id so
 * the case can then be closed as adjusted.
 */
export function CaseAdjustDialog(props: { dossier: CaseDossier; onClose: () => void; onDone: () => void }) {
  const labels = useCaseLabels();
  const lotId = props.dossier.case.lot?.id ?? 0;
  const lot = useRecord('lots.get', { id: lotId });
  const { stores, error } = useStores();
  const failure = lot.failure ?? error;
  if (failure || !lot.value || !stores) {
    return (
      <Dialog className="reg-dialog" title={labels.t('adjust.title', { id: props.dossier.case.id })} onClose={props.onClose} testId="case-adjust-dialog">
        {failure ? <ErrorBanner error={failure} /> : <p className="reg-loading">{labels.t('common.loading')}</p>}
      </Dialog>
    );
  }
  return <AdjustForm {...props} lot={lot.value} stores={stores} />;
}

function AdjustForm(props: { dossier: CaseDossier; lot: LotDossier; stores: StoreView[]; onClose: () => void; onDone: () => void }) {
  const labels = useCaseLabels();
  const ammo = useAmmoLabels();
  const c = props.dossier.case;
  const ctx = { lot: props.lot.lot, balances: props.lot.balances };
  const diff = countDifference(c);
  const defaults: Values = {
    ...movementDefaults('adjust', ctx),
    ...(diff ? { dest: { storeId: String(diff.storeId), bay: diff.bay } } : {}),
    direction: diff ? (diff.delta < 0 ? 'decrease' : 'increase') : '',
    quantity: String(diff ? Math.abs(diff.delta) : c.quantity),
    reason: '',
  };
  const { form, submit, failure } = useAmmoForm<Values, 'ammo.adjust'>({
    op: 'ammo.adjust',
    toInput: (v) => ({ ...(SPECS.adjust.toInput(v, ctx) as object), caseId: c.id }),
    defaults,
    ...(SPECS.adjust.check ? { check: SPECS.adjust.check } : {}),
    onDone: () => props.onDone(),
  });
  const errors = form.formState.errors as FieldErrors;
  const intro = diff
    ? labels.t('adjust.intro', {
        lot: ammo.lotName(props.lot.lot),
        place: `${diff.storeCode} ${diff.bay}`.trim(),
        book: ammo.rounds(diff.book),
        counted: ammo.rounds(diff.counted),
      })
    : labels.t('adjust.introPlain', { lot: ammo.lotName(props.lot.lot) });
  return (
    <FormDialog
      title={labels.t('adjust.title', { id: c.id })}
      intro={intro}
      form={form}
      onSubmit={(e) => void submit(e)}
      onClose={props.onClose}
      failure={failure}
      twoPerson
      testId="case-adjust-dialog"
    >
      <DestinationFields
        form={form}
        prefix="dest"
        stores={props.stores}
        label={ammo.field('adjustPlace')}
        storeError={errorAt(errors, 'place.storeId', 'place')}
        bayError={errorAt(errors, 'place.bay')}
      />
      <Field id="adjust-condition" label={ammo.field('condition')} error={errorAt(errors, 'condition')} required>
        <select id="adjust-condition" aria-invalid={!!errorAt(errors, 'condition')} {...form.register('condition')}>
          {AMMO_CONDITIONS.map((code) => (
            <option key={code} value={code}>
              {ammo.condition(code)}
            </option>
          ))}
        </select>
      </Field>
      <DirectionField form={form} error={errorAt(errors, 'direction')} />
      <QuantityField control={form.control} name="quantity" label={ammo.field('adjustQuantity')} packaging={props.lot.lot} error={errorAt(errors, 'delta', 'quantity')} required />
      <Field id="adjust-reason" label={ammo.field('reason')} error={errorAt(errors, 'reason')} required>
        <textarea id="adjust-reason" rows={3} autoFocus aria-invalid={!!errorAt(errors, 'reason')} {...form.register('reason')} />
      </Field>
    </FormDialog>
  );
}
