import type { PrintDoc, Screen } from '../../app/navigation';
import { PrintDocument } from '../print/PrintDocument';

/** Placeholder until the document is written. */
export function MonthlyPrint(props: { doc: Extract<PrintDoc, { kind: 'monthly' }>; back: Screen }) {
  return <PrintDocument title="monthly" fileName="monthly" ready={false} back={props.back} />;
}
