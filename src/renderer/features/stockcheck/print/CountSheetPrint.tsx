import type { PrintDoc, Screen } from '../../../app/navigation';
import { PrintDocument } from '../../print/PrintDocument';

/** Placeholder until the document is written. */
export function CountSheetPrint(props: { doc: Extract<PrintDoc, { kind: 'countSheet' }>; back: Screen }) {
  return <PrintDocument title="countSheet" fileName="countSheet" ready={false} back={props.back} />;
}
