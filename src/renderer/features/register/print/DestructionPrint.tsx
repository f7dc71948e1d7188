import type { PrintDoc, Screen } from '../../../app/navigation';
import { PrintDocument } from '../../print/PrintDocument';

/** Placeholder until the document is written. */
export function DestructionPrint(props: { doc: Extract<PrintDoc, { kind: 'destruction' }>; back: Screen }) {
  return <PrintDocument title="destruction" fileName="destruction" ready={false} back={props.back} />;
}
