// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { DateTime, Duration, FormatsProvider, PhoneNumber, RelativeTime, TimeZoneSelect } from '.';

const uk = { country: 'GB', locale: 'en-GB', timeZone: 'Europe/London' };
const inFormats = (ui: React.ReactNode, settings = uk) => render(<FormatsProvider {...settings}>{ui}</FormatsProvider>);

describe('phone numbers', () => {
  test('read in national format for the organisation, with E.164 on hover', () => {
    inFormats(<PhoneNumber value="+447700900123" />);
    const number = screen.getByText('07700 900123');
    expect(number).toHaveAttribute('title', '+447700900123');
  });

  test('a number from abroad reads in international format', () => {
    inFormats(<PhoneNumber value="+14155550100" />);
    expect(screen.getByText('+1 415 555 0100')).toHaveAttribute('title', '+14155550100');
  });

  test('copying the number puts E.164 on the clipboard', () => {
    inFormats(<PhoneNumber value="+442071234567" />);
    const number = screen.getByText('020 7123 4567');
    const range = document.createRange();
    range.selectNodeContents(number);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    const data = new Map<string, string>();
    const copied = fireEvent.copy(number, {
      clipboardData: { setData: (type: string, value: string) => data.set(type, value) },
    });
    expect(copied).toBe(false);
    expect(data.get('text/plain')).toBe('+442071234567');
  });

  test('an extension is shown as it is, with nothing to hover', () => {
    inFormats(<PhoneNumber value="1002" />);
    expect(screen.getByText('1002')).not.toHaveAttribute('title');
  });
});

describe('times', () => {
  test('relative, with the absolute time in the agent’s zone on hover', () => {
    const fiveMinutesAgo = Date.now() - 5 * 60_000;
    inFormats(<RelativeTime at={fiveMinutesAgo} />, { ...uk, timeZone: 'America/New_York' });
    const time = screen.getByText('5 minutes ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', new Date(fiveMinutesAgo).toISOString());
    expect(time.getAttribute('title')).toBe(
      new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'America/New_York',
      }).format(fiveMinutesAgo),
    );
  });

  test('absolute in the agent’s locale and zone', () => {
    inFormats(<DateTime at={Date.parse('2026-12-02T15:28:00Z')} />, {
      ...uk,
      locale: 'en-US',
      timeZone: 'America/New_York',
    });
    expect(screen.getByText('Dec 2, 2026, 10:28 AM')).toBeInTheDocument();
  });

  test('durations as m:ss with words on hover', () => {
    inFormats(<Duration ms={65_000} label="Talk time" />);
    const d = screen.getByLabelText('Talk time');
    expect(d).toHaveTextContent('1:05');
    expect(d).toHaveAttribute('title', '1 minute 5 seconds');
    expect(d).toHaveAttribute('dateTime', 'PT65S');
  });
});

describe('time zones', () => {
  function Picker({ initial }: { initial: string }) {
    const [zone, setZone] = useState(initial);
    return (
      <label>
        Time zone
        <TimeZoneSelect value={zone} onChange={setZone} />
        <output>{zone}</output>
      </label>
    );
  }

  test('are picked from the list of zones, each with its offset', () => {
    render(<Picker initial="Europe/London" />);
    const select = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect([...select.options].map((o) => o.value)).toContain('America/New_York');
    fireEvent.change(select, { target: { value: 'Asia/Tokyo' } });
    expect(screen.getByRole('status')).toHaveTextContent('Asia/Tokyo');
    expect(select.selectedOptions[0]!.textContent).toBe('Asia/Tokyo (GMT+9)');
  });

  test('a saved zone the list does not know stays selected instead of vanishing', () => {
    render(<Picker initial="Etc/Unknown" />);
    const select = screen.getByLabelText('Time zone') as HTMLSelectElement;
    expect(select.value).toBe('Etc/Unknown');
  });
});
