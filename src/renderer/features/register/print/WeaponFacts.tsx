import { Fragment, type ReactNode } from 'react';
import type { WeaponField, WeaponRecord } from '../../../../shared/domain/weapon';
import { fieldValueText, useLabels } from '../labels';

/** The fields that identify a weapon on a report: both identifiers, make, type, calibre, markings, owner. */
export const IDENTIFICATION: readonly WeaponField[] = [
  'nationalCode', 'serial', 'manufacturer', 'model', 'type', 'calibre', 'countryOfManufacture', 'yearOfManufacture',
  'markingLocation', 'agency',
];

/** Label / value pairs on paper (print-facts: two pairs a line). */
export function Facts(props: { items: readonly { key: string; label: string; value: ReactNode }[]; testId?: string }) {
  return (
    <dl className="print-facts rp-facts" data-testid={props.testId}>
      {props.items.map((item) => (
        <Fragment key={item.key}>
          <dt>{item.label}</dt>
          <dd data-field={item.key}>{item.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Fields of the firearm record, as the dossier shows them (enum labels, country names, dates). */
export function WeaponFacts(props: { weapon: WeaponRecord; fields: readonly WeaponField[]; testId?: string }) {
  const labels = useLabels();
  const items = props.fields.map((f) => ({ key: f, label: labels.field(f), value: fieldValueText(labels, f, props.weapon[f]) }));
  return <Facts items={items} {...(props.testId ? { testId: props.testId } : {})} />;
}
