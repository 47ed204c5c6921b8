import path from 'node:path';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

// The project's own eslint.config.js, run on sources that exist only in memory at the paths named.
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function fenceErrors(file: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'fences/layers').map((m) => m.message);
}

test.each([
  ['src/features/calls/x.ts', "import 'sip.js';", 'sip.js is imported only in src/sip/'],
  ['src/app/x.ts', "export { io } from 'socket.io-client';", 'socket.io-client is imported only in src/feed/'],
  ['src/features/admin/x.tsx', "import { Dialog } from 'radix-ui';", 'radix-ui is imported only in src/components/ui/'],
  ['src/features/admin/x.ts', "import '@radix-ui/react-dialog';", 'radix-ui is imported only in src/components/ui/'],
  [
    'src/features/calls/x.tsx',
    "import { Phone } from 'lucide-react';",
    'icons are imported only in src/components/ui/ (icons.tsx names them)',
  ],
  ['src/features/admin/x.tsx', "import { Link } from 'wouter';", 'wouter (the routes) is imported only in src/app/'],
  ['src/features/calls/x.ts', "import '../../server/routing/engine';", 'browser code meets the server only'],
  ['src/sip/x.ts', "const m = import('../server/db');", 'browser code meets the server only in src/common/'],
  ['src/server/http/x.ts', "import type { X } from '../../features/calls/x';", 'the server meets browser code only'],
  ['src/common/x.ts', "export * from '../server/db';", 'src/common/ imports nothing outside itself'],
  ['src/components/ui/x.tsx', "import { api } from '../../app/api-client';", 'components/ never imports upward'],
  ['src/feed/x.ts', "import { useX } from '../features/calls/use-x';", 'feed/ and sip/ never import upward'],
])('%s: %s is refused', async (file, source, why) => {
  const errors = await fenceErrors(file, source);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(why);
});

test.each([
  ['src/sip/x.ts', "import { UserAgent } from 'sip.js';"],
  ['src/feed/x.ts', "import { io } from 'socket.io-client';"],
  ['src/components/ui/x.tsx', "import { Dialog } from 'radix-ui';"],
  ['src/components/ui/x.tsx', "import { Phone } from 'lucide-react';"],
  ['src/features/calls/x.ts', "import { callSchema } from '../../common/calls';"],
  ['src/server/http/x.ts', "import { callSchema } from '../../common/calls';"],
  ['src/server/http/x.ts', "import { io } from 'socket.io';"],
  ['src/app/x.ts', "import { startFeed } from '../feed/feed';"],
  ['src/app/routes/x.tsx', "import { Link } from 'wouter';"],
  ['test/e2e/x.ts', "import { UserAgent } from 'sip.js';"],
])('%s: %s is allowed', async (file, source) => {
  expect(await fenceErrors(file, source)).toEqual([]);
});
