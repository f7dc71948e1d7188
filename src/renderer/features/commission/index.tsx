export { CommissionShell } from './CommissionShell';
