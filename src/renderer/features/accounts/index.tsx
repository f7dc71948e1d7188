export { AccountScreen } from './AccountScreen';
export { LockScreen } from './LockScreen';
export { LoginScreen } from './LoginScreen';
export { SettingsScreen } from './SettingsScreen';
export { UsersScreen } from './UsersScreen';
