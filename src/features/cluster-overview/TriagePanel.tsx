import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { TriageFindings } from '../../components/TriageFindings';
import styles from '../../components/TriageFindings.module.css';
import { links } from '../../lib/paths';
import { isProblem } from '../../lib/triage/findings';
import { PANEL_BUDGET, useTriageData } from '../../lib/triage/use-triage-data';

/** The overview's "what is wrong" panel: the triage engine's problems only, shown when there are any. */
export function TriagePanel(): ReactNode {
  const data = useTriageData('panel');
  const problems = data.findings.filter(isProblem);
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="triage-panel-heading" className={styles.panel}>
      <h2 id="triage-panel-heading">What is wrong now</h2>
      <TriageFindings findings={problems} since={data.since} now={data.now} headingLevel={3} />
      <p>
        <Link to={links.triage()}>All findings on the triage page</Link>
      </p>
      <p className="help">{PANEL_BUDGET}</p>
    </section>
  );
}
