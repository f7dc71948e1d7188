import type { WeaponRecord } from '../../../../shared/domain/weapon';
import { SECTIONS } from '../fields';
import { fieldValueText, useLabels } from '../labels';

/** Every field of the record, grouped as on the registration form. */
export function DossierFields(props: { weapon: WeaponRecord }) {
  const labels = useLabels();
  return (
    <div className="reg-fields">
      {SECTIONS.map((section) => (
        <section key={section.id} className="reg-fields__section" aria-labelledby={`reg-sec-${section.id}`}>
          <h2 id={`reg-sec-${section.id}`}>{labels.t(`register:section.${section.id}`)}</h2>
          <dl>
            {section.fields.map((f) => (
              <div key={f} className="reg-fields__row" data-field={f}>
                <dt>{labels.field(f)}</dt>
                <dd>{fieldValueText(labels, f, props.weapon[f])}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
