import type { PrintDoc, Screen } from '../../../app/navigation';
import { PrintDocument } from '../../print/PrintDocument';

/** Placeholder until the document is written. */
export function InventoryPrint(props: { doc: Extract<PrintDoc, { kind: 'inventory' }>; back: Screen }) {
  return <PrintDocument title="inventory" fileName="inventory" ready={false} back={props.back} />;
}
