// Component tests opt into jsdom with `// @vitest-environment jsdom`; the matchers are always there.
import '@testing-library/jest-dom/vitest';
import { loadNumberingPlan } from '../../src/common/format/numbering-plan';
import { segmentedChoiceReady } from '../../src/components/ui/segmented-choice';
import { toggleSwitchReady } from '../../src/components/ui/toggle-switch';

// What is in a moment after the page is up: the numbering plan (numbers read in national format; components render
// again when it arrives) and the radix code of the choice and switch controls.
await Promise.all([loadNumberingPlan(), segmentedChoiceReady, toggleSwitchReady]);
