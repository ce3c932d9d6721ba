import type { ReactNode } from 'react';
import styles from './StatGrid.module.css';

interface StatGridProps {
  /** The grid's accessible name, when the page has several. */
  label?: string;
  /** Smaller values and space below, for a grid among other content (the vertex page's tabs). */
  dense?: boolean;
  children: ReactNode;
}

/** Key figures as a definition list of tiles; its children are `Stat`s. */
export function StatGrid({ label, dense = false, children }: StatGridProps): ReactNode {
  return (
    <dl className={dense ? `${styles.grid} ${styles.dense}` : styles.grid} aria-label={label}>
      {children}
    </dl>
  );
}

export type StatTone = 'bad' | 'warn';

interface StatProps {
  term: ReactNode;
  /** Highlights the tile: something needs attention ('warn') or is wrong ('bad'). */
  tone?: StatTone | undefined;
  /** Takes two columns, for a long value. */
  wide?: boolean;
  /** Smaller type, for a long value that is not a count. */
  smallValue?: boolean;
  /** Extra classes for the value (the global `mono`, a feature's own). */
  valueClassName?: string;
  /** The value; a `StatDetail` inside it adds a second line. */
  children: ReactNode;
}

/**
 * One figure of a `StatGrid`. The tone is a `data-tone` attribute, so tests and end-to-end specs
 * can find a highlighted tile without knowing the module's class names.
 */
export function Stat({ term, tone, wide = false, smallValue = false, valueClassName, children }: StatProps): ReactNode {
  const valueClasses = [smallValue && styles['small-value'], valueClassName].filter(Boolean).join(' ');
  return (
    <div className={wide ? `${styles.stat} ${styles.wide}` : styles.stat} data-tone={tone}>
      <dt>{term}</dt>
      <dd className={valueClasses || undefined}>{children}</dd>
    </div>
  );
}

/** A second, quieter line under a stat's value. */
export function StatDetail({ children }: { children: ReactNode }): ReactNode {
  return <span className={styles.detail}>{children}</span>;
}
