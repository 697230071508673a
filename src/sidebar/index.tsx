/** Sidebar entry (Chrome side panel, Firefox sidebar, and the ?tabId=N pop-out). */
import '../shared/zod-jitless.ts'; // first: before any zod schema runs
import { render } from 'preact';
import { App } from './components/App.tsx';

const root = document.getElementById('app');
if (root) render(<App />, root);
