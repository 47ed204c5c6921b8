import { useState } from 'react';
import { chooseTheme, savedTheme, THEME_CHOICES, type ThemeChoice as Choice } from './theme';

/** The theme picker: same as the system, light or dark; applied at once and remembered in this browser. */
export function ThemeChoice() {
  const [choice, setChoice] = useState<Choice>(savedTheme);
  return (
    <label className="theme-choice">
      Theme
      <select
        value={choice}
        onChange={(e) => {
          const next = e.target.value as Choice;
          setChoice(next);
          chooseTheme(next);
        }}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
