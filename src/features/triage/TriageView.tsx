import type { ReactNode } from 'react';
import { QueryState } from '../../components/QueryState';
import { TriageFindings } from '../../components/TriageFindings';
import { isProblem } from '../../lib/triage/findings';
import { freshnessWords } from '../../lib/triage/freshness';
import { requestBudget, useTriageData } from '../../lib/triage/use-triage-data';

/**
 * "What is wrong now", ranked across every running job: back pressure with its likely
 * bottleneck, the busiest vertices, watermark lag, failing and slow checkpoints, restarts in the
 * last hour, and the task managers' heap, GC and CPU. Each row links to its exact view.
 */
export function TriageView(): ReactNode {
  const data = useTriageData();
  const problems = data.findings.filter(isProblem).length;
  const partial = data.freshness.detailsRead < data.running;
  const soFar = partial ? ` (${data.freshness.detailsRead} read so far)` : '';
  return (
    <div className="page triage">
      <h1>Triage</h1>
      <p className="help">
        What is wrong now, across every running job, worst first. Back pressure propagates upstream, so each
        back-pressured chain names its likely bottleneck: the first vertex downstream that is busy and not itself
        back-pressured. &quot;Since&quot; is when this page first saw the finding. {requestBudget(data.running)} Under
        the status, the page says how much it has read and how old the oldest read is.
      </p>
      <QueryState query={data.jobs} what="the jobs">
        {() =>
          data.running === 0 ? (
            <p className="empty">No job is running.</p>
          ) : (
            <>
              <p role="status">
                {problems === 0
                  ? `Nothing wrong ${partial ? 'found yet ' : ''}in ${data.running} running jobs${soFar}.`
                  : `${problems} ${problems === 1 ? 'finding needs' : 'findings need'} attention in ${data.running} running jobs${soFar}.`}
              </p>
              <ul className="help" aria-label="Freshness">
                {freshnessWords(data.freshness, data.running).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <TriageFindings findings={data.findings} since={data.since} now={data.now} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}
