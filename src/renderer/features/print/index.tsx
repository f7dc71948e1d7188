import type { PrintDoc, Screen } from '../../app/navigation';
import { HoldingsPrint } from '../ammunition/print/HoldingsPrint';
import { DestructionPrint } from '../register/print/DestructionPrint';
import { DossierPrint } from '../register/print/DossierPrint';
import { LossReportPrint } from '../register/print/LossReportPrint';
import { RegisterPrint } from '../register/print/RegisterPrint';
import { MonthlyPrint } from '../reports/MonthlyPrint';
import { KeyCertificatePrint } from '../snapshots/KeyCertificatePrint';
import { CountSheetPrint } from '../stockcheck/print/CountSheetPrint';
import { InventoryPrint } from '../stockcheck/print/InventoryPrint';

/** One printable document, by kind; each lives in its capability's folder and uses PrintDocument. */
export function PrintScreen(props: { doc: PrintDoc; back: Screen }) {
  const { doc, back } = props;
  switch (doc.kind) {
    case 'register':
      return <RegisterPrint doc={doc} back={back} />;
    case 'dossier':
      return <DossierPrint doc={doc} back={back} />;
    case 'lossReport':
      return <LossReportPrint doc={doc} back={back} />;
    case 'destruction':
      return <DestructionPrint doc={doc} back={back} />;
    case 'holdings':
      return <HoldingsPrint doc={doc} back={back} />;
    case 'monthly':
      return <MonthlyPrint doc={doc} back={back} />;
    case 'countSheet':
      return <CountSheetPrint doc={doc} back={back} />;
    case 'inventory':
      return <InventoryPrint doc={doc} back={back} />;
    case 'keyCertificate':
      return <KeyCertificatePrint doc={doc} back={back} />;
  }
}
