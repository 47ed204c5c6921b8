// Component tests opt into jsdom with `// @vitest-environment jsdom`; the matchers are always there.
import '@testing-library/jest-dom/vitest';
