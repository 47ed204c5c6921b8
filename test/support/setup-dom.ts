// Component tests opt into jsdom with `// @vitest-environment jsdom`; the matchers are always there.
import '@testing-library/jest-dom/vitest';
// Numbers read as they do once the page is up: the numbering plan is in (components render again when it arrives).
import { loadNumberingPlan } from '../../src/common/format/numbering-plan';
await loadNumberingPlan();
// The radix code of the choice and switch controls, as it is just after the first render: in, so a test's first click
// never lands on the stand-in buttons as they give way (a module loaded this late under a busy machine would race).
await Promise.all([
  import('../../src/components/ui/segmented-choice-radix'),
  import('../../src/components/ui/toggle-switch-radix'),
]);
