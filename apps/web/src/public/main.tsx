/** Entry of the light public pages (public.html): React and a small stylesheet, no Mantine. */
import './public.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { storedLanguage } from '../i18n/language.ts';
import { PublicLanding } from './landing.tsx';

document.documentElement.lang = storedLanguage();
const container = document.getElementById('root');
if (!container) throw new Error('#root missing in public.html');

createRoot(container).render(
  <StrictMode>
    <PublicLanding />
  </StrictMode>,
);
