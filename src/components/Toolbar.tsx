import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import styles from './Toolbar.module.css';

/** Space between controls (row and column gap, as in CSS): '8px 16px' unless a row needs its own. */
export type ToolbarGap = '8px 16px' | '6px 10px' | '8px' | '12px';

const GAP_CLASS: Record<ToolbarGap, string | undefined> = {
  '8px 16px': undefined,
  '6px 10px': styles['gap-6x10'],
  '8px': styles['gap-8'],
  '12px': styles['gap-12'],
};

const BELOW_CLASS = { '10px': styles['below-10'], '12px': styles['below-12'] } as const;

export interface ToolbarProps extends Omit<ComponentPropsWithoutRef<'div'>, 'className'> {
  gap?: ToolbarGap;
  /** Space between the row and what follows it, when the container does not space its children. */
  spaceBelow?: keyof typeof BELOW_CLASS;
}

/**
 * A wrapping row of controls. It has no role of its own: pass `role="toolbar"` or
 * `role="group"` with an `aria-label` where the row is one named set of controls.
 */
export function Toolbar({ gap = '8px 16px', spaceBelow, children, ...rest }: ToolbarProps): ReactNode {
  const className = [styles.toolbar, GAP_CLASS[gap], spaceBelow && BELOW_CLASS[spaceBelow]].filter(Boolean).join(' ');
  return (
    <div {...rest} className={className}>
      {children}
    </div>
  );
}

/** A label wrapping its text and its field, for a field in a toolbar. */
export function ToolbarField({ children, ...rest }: Omit<ComponentPropsWithoutRef<'label'>, 'className'>): ReactNode {
  return (
    <label {...rest} className={styles.field}>
      {children}
    </label>
  );
}
