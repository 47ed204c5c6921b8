// The layers' fences as one ESLint rule: which folder may import which package or folder. Paths are resolved
// against the importing file, so `../feed` from src/server/ and from src/server/feed/ are told apart.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const inside = (file, dir) => file === path.join(root, dir) || file.startsWith(path.join(root, dir) + path.sep);
const browser = ['src/app', 'src/features', 'src/feed', 'src/sip', 'src/components'];

/** Each fence: files in `in` (minus `except`) may not import `packages` nor anything under `from`. */
export const fences = [
  { in: ['src'], except: ['src/sip'], packages: ['sip.js'], why: 'sip.js is imported only in src/sip/' },
  {
    in: ['src'],
    except: ['src/feed'],
    packages: ['socket.io-client'],
    why: 'socket.io-client is imported only in src/feed/',
  },
  {
    in: ['src'],
    except: ['src/components/ui'],
    packages: ['radix-ui', '@radix-ui/'],
    why: 'radix-ui is imported only in src/components/ui/',
  },
  {
    in: ['src'],
    except: ['src/components/ui'],
    packages: ['lucide-react'],
    why: 'icons are imported only in src/components/ui/ (icons.tsx names them)',
  },
  { in: ['src'], except: ['src/app'], packages: ['wouter'], why: 'wouter (the routes) is imported only in src/app/' },
  { in: browser, from: ['src/server'], why: 'browser code meets the server only in src/common/' },
  { in: ['src/server'], from: browser, why: 'the server meets browser code only in src/common/' },
  { in: ['src/common'], from: [...browser, 'src/server'], why: 'src/common/ imports nothing outside itself' },
  {
    in: ['src/components'],
    from: ['src/app', 'src/features'],
    why: 'components/ never imports upward (app/, features/)',
  },
  {
    in: ['src/feed', 'src/sip'],
    from: ['src/app', 'src/features'],
    why: 'feed/ and sip/ never import upward (app/, features/)',
  },
];

const isPackage = (spec, p) => spec === p || spec.startsWith(p.endsWith('/') ? p : `${p}/`);

/** Why `file` may not import `spec`, or undefined when it may. */
export function violation(file, spec) {
  const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : undefined;
  for (const f of fences) {
    if (!f.in.some((d) => inside(file, d)) || (f.except ?? []).some((d) => inside(file, d))) continue;
    if (target && (f.from ?? []).some((d) => inside(target, d))) return f.why;
    if (!target && (f.packages ?? []).some((p) => isPackage(spec, p))) return f.why;
  }
  return undefined;
}

export const fencesPlugin = {
  rules: {
    layers: {
      meta: { type: 'problem', messages: { fence: '{{spec}}: {{why}}.' }, schema: [] },
      create(context) {
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string') return;
          const why = violation(context.filename, spec);
          if (why) context.report({ node: node.source, messageId: 'fence', data: { spec, why } });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};
