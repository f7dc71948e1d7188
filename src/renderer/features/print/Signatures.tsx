import { usePrintLabels } from './labels';

/** Who signs a paper form; their titles are in `print:signature.*`. */
export type SignatureRole =
  | 'storekeeper' | 'manager' | 'counter' | 'witness' | 'commander' | 'officer' | 'reporter' | 'destructionWitness1' | 'destructionWitness2'
  | 'commissionOfficer';

/** Signature blocks at the foot of a document, kept together on the last page. */
export function Signatures(props: { roles: readonly SignatureRole[]; names?: Partial<Record<SignatureRole, string>> }) {
  const labels = usePrintLabels();
  const named = props.roles.some((role) => props.names?.[role]);
  return (
    <div className={named ? 'print-signatures print-signatures--named' : 'print-signatures'} data-testid="print-signatures">
      {props.roles.map((role) => (
        <div key={role} className="print-signature">
          <p className="print-signature__role">{labels.t(`signature.${role}`)}</p>
          {/* When any block prints a name, every block has the line (a no-break space when empty), so lines align. */}
          {named ? <p className="print-signature__name">{props.names?.[role] || '\u00a0'}</p> : null}
          <p className="print-signature__line">{labels.t('nameDateSignature')}</p>
        </div>
      ))}
    </div>
  );
}
