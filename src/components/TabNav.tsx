import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useActiveTab, usePrefetchTabs, type Tab, type TabTable } from '../lib/tabs';
import styles from './TabNav.module.css';

interface TabNavProps<Id extends string> {
  /** Names the navigation for assistive technology ("Job views"). */
  readonly label: string;
  readonly tabs: TabTable<Id>;
  /** The tab's URL (from `links` in lib/paths). */
  readonly linkTo: (id: Id) => string;
  /** Carry the query string over to the other tabs (a vertex's picked metrics, time zone). */
  readonly keepSearch?: boolean;
  /** Which tabs to list, when some exist only for some subjects (all by default). */
  readonly shown?: (id: Id) => boolean;
  /** A History Server: the tabs whose data its archive lacks are left out. */
  readonly archiveOnly?: boolean;
}

/**
 * A page's tabs as links, one URL per tab (a deep link reloads to the same tab); the tab the URL
 * shows is marked as the current page.
 */
export function TabNav<Id extends string>({
  label,
  tabs,
  linkTo,
  keepSearch = false,
  shown,
  archiveOnly = false,
}: TabNavProps<Id>): ReactNode {
  const active = useActiveTab(tabs);
  const { search } = useLocation();
  const visible = (tab: Tab<Id>): boolean =>
    (shown ? shown(tab.id) : true) && (!archiveOnly || tab.notArchived === undefined);
  usePrefetchTabs(tabs, visible);
  return (
    <nav className={styles.tabNav} aria-label={label}>
      {tabs.filter(visible).map((tab) => (
        <Link
          key={tab.id}
          to={{ pathname: linkTo(tab.id), search: keepSearch ? search : '' }}
          aria-current={tab.id === active.id ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
