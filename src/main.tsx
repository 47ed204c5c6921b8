import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod/mini';
import { App } from './app/app';
import { composeServices } from './app/composition';
import { ServicesProvider } from './app/services-context';
import { applySavedTheme } from './components/theme/theme';
import './components/ui/tokens.css';
import './app/app.css';
// After app.css, so its narrow-screen rules win over the ones they refine.
import './app/routes/narrow.css';

applySavedTheme();
// zod's own messages (for a rule that sets none of ours) read in English, as the companion's do.
z.config(z.locales.en());

const services = composeServices();
// Tests and the benchmark read live state through this handle; the UI never does.
Object.assign(window, { switchboard: services });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
