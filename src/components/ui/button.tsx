import type { ComponentProps } from 'react';
import { Icon, type IconName } from './icons';

type Props = ComponentProps<'button'> & { tone?: 'default' | 'primary' | 'danger' | 'success'; icon?: IconName };

/** Every control's accessible name is its visible label: pass the label as children, no aria-label. */
export function Button({ tone = 'default', className, type = 'button', icon, children, ...rest }: Props) {
  return (
    <button type={type} className={`btn btn-${tone}${className ? ` ${className}` : ''}`} {...rest}>
      {icon && <Icon name={icon} />}
      {children}
    </button>
  );
}
