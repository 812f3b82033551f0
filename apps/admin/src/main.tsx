import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@refinedev/antd/dist/reset.css';
import './i18n/i18n';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
