import type { FieldError } from 'react-hook-form';
import { decodeCoded } from '../../../../shared/validation';
import { useNavigate } from '../../../app/navigation';
import { useLabels } from '../labels';

const DUPLICATES = ['duplicate_national_code', 'duplicate_serial'];

/** Under a field refused as a duplicate: a way to the weapon that already holds the identifier. */
export function DuplicateLink(props: { error: FieldError | undefined; field: string }) {
  const labels = useLabels();
  const navigate = useNavigate();
  if (!props.error) return null;
  const coded = decodeCoded(props.error.message);
  const id = Number(coded.params?.weaponId);
  if (!DUPLICATES.includes(coded.code) || !Number.isInteger(id) || id <= 0) return null;
  return (
    <button type="button" className="reg-link reg-duplicate" data-testid={`duplicate-${props.field}`} onClick={() => navigate({ name: 'weapon', id })}>
      {labels.t('register:form.openExisting', { value: String(coded.params?.value ?? ''), id: labels.number(id) })}
    </button>
  );
}
