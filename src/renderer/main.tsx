// React Fast Refresh's preamble as a module (empty in production builds): the inline script the
// React plugin would add to index.html in development is refused by the page's strict CSP.
import '@vitejs/plugin-react/preamble';
// The shared look first, so feature stylesheets imported by the screens can refine it.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { storedLanguage } from './app/language';
import { initI18n } from './i18n';

// French unless this PC was last used in English; a signed-in user's own choice wins (App.tsx).
const language = storedLanguage() ?? 'fr';
initI18n(language);
document.documentElement.lang = language;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
