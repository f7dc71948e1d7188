export { KeyCertificatePrint } from './KeyCertificatePrint';
export { SigningKeyPanel } from './SigningKeyPanel';
export { SnapshotsScreen } from './SnapshotsScreen';
