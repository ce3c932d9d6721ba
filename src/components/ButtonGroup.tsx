import type { ReactNode } from 'react';
import styles from './ButtonGroup.module.css';

/** Buttons shown as one segmented control, announced as a group named `label`. */
export function ButtonGroup({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <div role="group" aria-label={label} className={styles.group}>
      {children}
    </div>
  );
}
