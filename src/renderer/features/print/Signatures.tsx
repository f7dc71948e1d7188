import { usePrintLabels } from './labels';

/** Who signs a paper form; their titles are in `print:signature.*`. */
export type SignatureRole =
  | 'storekeeper' | 'manager' | 'counter' | 'witness' | 'commander' | 'officer' | 'reporter' | 'destructionWitness1' | 'destructionWitness2';

/** Signature blocks at the foot of a document, kept together on the last page. */
export function Signatures(props: { roles: readonly SignatureRole[]; names?: Partial<Record<SignatureRole, string>> }) {
  const labels = usePrintLabels();
  return (
    <div className="print-signatures" data-testid="print-signatures">
      {props.roles.map((role) => (
        <div key={role} className="print-signature">
          <p className="print-signature__role">{labels.t(`signature.${role}`)}</p>
          {/* Always there (a no-break space when no name is printed), so that every block's line sits at the same height. */}
          <p className="print-signature__name">{props.names?.[role] || '\u00a0'}</p>
          <p className="print-signature__line">{labels.t('nameDateSignature')}</p>
        </div>
      ))}
    </div>
  );
}
