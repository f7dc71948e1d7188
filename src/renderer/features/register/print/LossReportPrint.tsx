import type { PrintDoc, Screen } from '../../../app/navigation';
import { PrintDocument } from '../../print/PrintDocument';

/** Placeholder until the document is written. */
export function LossReportPrint(props: { doc: Extract<PrintDoc, { kind: 'lossReport' }>; back: Screen }) {
  return <PrintDocument title="lossReport" fileName="lossReport" ready={false} back={props.back} />;
}
