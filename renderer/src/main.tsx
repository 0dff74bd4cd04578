import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/literata/400.css';
import '@fontsource/literata/400-italic.css';
import '@fontsource/literata/600.css';
import './styles/tokens.css';
import './styles/base.css';
import './extensions';
import { takeTokenFromLocation } from './api/client';
import { applyTheme } from './app/theme';
import { loadSettings } from './app/settings';
import { App } from './App';

takeTokenFromLocation();
applyTheme();
void loadSettings();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
