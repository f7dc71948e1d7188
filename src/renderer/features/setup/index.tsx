export { SetupScreen } from './SetupScreen';
export { StartupErrorScreen } from './StartupErrorScreen';
