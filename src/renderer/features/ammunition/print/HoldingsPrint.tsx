import type { PrintDoc, Screen } from '../../../app/navigation';
import { PrintDocument } from '../../print/PrintDocument';

/** Placeholder until the document is written. */
export function HoldingsPrint(props: { doc: Extract<PrintDoc, { kind: 'holdings' }>; back: Screen }) {
  return <PrintDocument title="holdings" fileName="holdings" ready={false} back={props.back} />;
}
