export { BackupNotice } from './BackupNotice';
export { BackupsPanel } from './BackupsPanel';
