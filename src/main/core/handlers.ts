import { accountHandlers } from './accounts/handlers';
import { ammunitionHandlers } from './ammunition/handlers';
import { auditHandlers } from './audit/handlers';
import { armouryHandlers } from './armoury/handlers';
import { backupHandlers } from './backup/handlers';
import { caseHandlers } from './cases/handlers';
import { commissionHandlers } from './commission/handlers';
import { custodyHandlers } from './custody/handlers';
import { handoverHandlers } from './handover/handlers';
import { officerHandlers } from './officers/handlers';
import { registerHandlers } from './register/handlers';
import { snapshotHandlers } from './snapshot/handlers';
import { spreadsheetHandlers } from './spreadsheet/handlers';
import { reportHandlers } from './reports/handlers';
import { stockCheckHandlers } from './stockcheck/handlers';
import type { Handlers } from './router';

/** Every operation's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...armouryHandlers, ...accountHandlers, ...registerHandlers, ...ammunitionHandlers,
  ...officerHandlers, ...custodyHandlers, ...caseHandlers, ...handoverHandlers, ...stockCheckHandlers,
  ...reportHandlers, ...snapshotHandlers, ...commissionHandlers, ...spreadsheetHandlers, ...auditHandlers, ...backupHandlers,
};
