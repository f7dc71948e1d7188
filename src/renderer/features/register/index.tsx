import './register.css';

export { RegisterScreen } from './list/RegisterScreen';
export { NewWeaponScreen } from './form/NewWeaponScreen';
export { WeaponDossierScreen } from './dossier/WeaponDossierScreen';
