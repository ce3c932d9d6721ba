import type { ReactNode } from 'react';
import { TriageView } from '../features/triage/TriageView';

/** `#/triage`: what is wrong now, across every running job. */
export function TriagePage(): ReactNode {
  return <TriageView />;
}
