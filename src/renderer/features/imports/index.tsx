import './imports.css';

export { ImportScreen } from './ImportScreen';
