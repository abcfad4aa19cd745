import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { I18nProvider } from './lib/i18n';
import { MeProvider } from './lib/use-me';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <MeProvider>
        <App />
      </MeProvider>
    </I18nProvider>
  </StrictMode>,
);
