import type { PrintDoc, Screen } from '../../../app/navigation';
import { PrintDocument } from '../../print/PrintDocument';

/** Placeholder until the document is written. */
export function RegisterPrint(props: { doc: Extract<PrintDoc, { kind: 'register' }>; back: Screen }) {
  return <PrintDocument title="register" fileName="register" ready={false} back={props.back} />;
}
