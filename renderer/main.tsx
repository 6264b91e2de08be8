import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { App } from './app.tsx';
import { setupI18n } from './i18n/setup.ts';
import { claimWindow } from './lib/one-window.ts';
import './styles/app.css';

await setupI18n();
const root = document.getElementById('root');
if (root) {
  const reactRoot = createRoot(root);
  await claimWindow(() =>
    reactRoot.render(
      <main className="screen" data-testid="other-window">
        <h1>{i18next.t('app.title')}</h1>
        <p role="status">{i18next.t('app.otherWindow')}</p>
      </main>,
    ),
  );
  reactRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
