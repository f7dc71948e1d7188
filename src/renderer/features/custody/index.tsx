import './custody.css';
import { CustodyTabs } from './CustodyTabs';
import { CaseScreen } from './cases/CaseScreen';
import { CasesScreen } from './cases/CasesScreen';
import { CustodyDashboardScreen } from './dashboard/CustodyDashboardScreen';
import { IssueScreen } from './desk/IssueScreen';
import { ReturnScreen } from './desk/ReturnScreen';
import { VoucherScreen } from './desk/VoucherScreen';
import { HandoverScreen } from './handover/HandoverScreen';
import { KeysScreen } from './keys/KeysScreen';
import { OfficerScreen } from './officers/OfficerScreen';
import { OfficersScreen } from './officers/OfficersScreen';
import { WeaponsOutScreen } from './out/WeaponsOutScreen';
import type { CustodyScreenState } from './screens';

export { isCustodyScreen } from './screens';

/** Every custody screen under its own menu; the shell hands over any screen named in screens.ts. */
export function CustodyScreen(props: { screen: CustodyScreenState }) {
  const { screen } = props;
  let body;
  switch (screen.name) {
    case 'custody':
      body = <CustodyDashboardScreen />;
      break;
    case 'custodyIssue':
      body = <IssueScreen officerId={screen.officerId} />;
      break;
    case 'custodyReturn':
      body = <ReturnScreen code={screen.code} />;
      break;
    case 'voucher':
      body = <VoucherScreen key={screen.id} id={screen.id} />;
      break;
    case 'weaponsOut':
      body = <WeaponsOutScreen />;
      break;
    case 'officers':
      body = <OfficersScreen />;
      break;
    case 'officer':
      body = <OfficerScreen key={screen.id} id={screen.id} />;
      break;
    case 'cases':
      body = <CasesScreen key={screen.filter ?? ''} filter={screen.filter} />;
      break;
    case 'case':
      body = <CaseScreen key={screen.id} id={screen.id} />;
      break;
    case 'handover':
      body = <HandoverScreen />;
      break;
    case 'keys':
      body = <KeysScreen />;
      break;
  }
  return (
    <div className="custody">
      <CustodyTabs current={screen.name} />
      {body}
    </div>
  );
}
