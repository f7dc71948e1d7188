import type { PrintDoc, Screen } from '../../../app/navigation';
import { PrintDocument } from '../../print/PrintDocument';

/** Placeholder until the document is written. */
export function DossierPrint(props: { doc: Extract<PrintDoc, { kind: 'dossier' }>; back: Screen }) {
  return <PrintDocument title="dossier" fileName="dossier" ready={false} back={props.back} />;
}
