// Component tests opt into jsdom with `// @vitest-environment jsdom`; the matchers are always there.
import '@testing-library/jest-dom/vitest';
// Numbers read as they do once the page is up: the numbering plan is in (components render again when it arrives).
import { loadNumberingPlan } from '../../src/common/format/numbering-plan';
await loadNumberingPlan();
