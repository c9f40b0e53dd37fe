import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './app/App.tsx';
import { AppErrorBoundary } from './app/AppErrorBoundary.tsx';

// Only a harness build (`vite build --mode harness`) loads the test and bench hooks, before the first
// render; in the product build the condition is the constant false and the import is dropped.
if (import.meta.env.MODE === 'harness') (await import('./harness/installHarness.ts')).installHarness();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppErrorBoundary>
      <App />
    </AppErrorBoundary>
  </StrictMode>,
);
