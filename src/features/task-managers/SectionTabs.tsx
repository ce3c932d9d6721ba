import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import './task-managers.css';

export interface SectionTab {
  readonly id: string;
  readonly label: string;
  readonly to: string;
}

/**
 * The sections of a page as links (each tab is a URL: deep links reload to the same tab).
 * A candidate for src/components once another page needs it.
 */
export function SectionTabs({
  tabs,
  current,
  label,
}: {
  tabs: readonly SectionTab[];
  current: string;
  label: string;
}): ReactNode {
  return (
    <nav className="tab-nav" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.id} to={tab.to} aria-current={tab.id === current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
