// The routing thread starts here: plain JavaScript that registers tsx's loader in this thread, then runs the
// TypeScript entry (a worker thread does not inherit the loader its parent was started with).
import { register } from 'tsx/esm/api';

register();
await import('./decision-worker.ts');
