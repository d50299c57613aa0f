import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { handOverFromShell } from './app/static-shell';
import { studyStore } from './store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const reactRoot = createRoot(root);
// The prerendered shell is on screen meanwhile, so the first render need not be one long task:
// as a transition, React renders in slices and the page stays responsive to input.
startTransition(() => {
  reactRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
// A production build paints a prerendered shell first (scripts/vite-plugin-shell.ts).
const shell = document.getElementById('static-shell');
if (shell) handOverFromShell(shell, root, studyStore);
else root.hidden = false;
