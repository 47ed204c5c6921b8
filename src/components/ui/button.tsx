import type { ComponentProps } from 'react';

type Props = ComponentProps<'button'> & { tone?: 'default' | 'primary' | 'danger' | 'success' };

/** Every control's accessible name is its visible label: pass the label as children, no aria-label. */
export function Button({ tone = 'default', className, type = 'button', ...rest }: Props) {
  return <button type={type} className={`btn btn-${tone}${className ? ` ${className}` : ''}`} {...rest} />;
}
