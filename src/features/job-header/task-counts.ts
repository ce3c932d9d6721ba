// The job's task counts per state, for the job header: pure.

/**
 * How many of the job's tasks (subtasks: a vertex's parallel instances) are in each state, summed
 * from each vertex's `tasks` in the job details: the same figures as the job overview's `tasks`
 * (the jobs list), with no request of its own. (`status-counts` in the details counts vertices,
 * not tasks.)
 */
export function jobTaskCounts(details: {
  readonly vertices: readonly { readonly tasks: Readonly<Record<string, number>> }[];
}): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const vertex of details.vertices) {
    for (const [state, n] of Object.entries(vertex.tasks)) {
      if (Number.isFinite(n)) counts[state] = (counts[state] ?? 0) + n;
    }
  }
  return counts;
}
