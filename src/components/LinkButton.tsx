import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import styles from './LinkButton.module.css';

/** A button styled as a link, for actions within the page (expand, pick); `type="button"`. */
export function LinkButton({
  children,
  ...rest
}: Omit<ComponentPropsWithoutRef<'button'>, 'className' | 'type'>): ReactNode {
  return (
    <button {...rest} type="button" className={styles['link-button']}>
      {children}
    </button>
  );
}
