// Following the end of a log as a pure function of scroll positions.

/** How far from the bottom (px) still counts as "at the end": a fraction of a line, rounding. */
export const AT_END_SLACK = 4;

export interface ScrollPosition {
  readonly scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}

export function atEnd({ scrollTop, scrollHeight, clientHeight }: ScrollPosition, slack = AT_END_SLACK): boolean {
  return scrollHeight - clientHeight - scrollTop <= slack;
}

/**
 * Whether to follow after a scroll event. Only a move UP stops following (the user scrolls back
 * to read): a scroll that the viewer makes itself to reach the new end, or content that grows,
 * never does. Reaching the end again resumes following when the view is a tail (`resume`).
 */
export function followAfterScroll(
  follow: boolean,
  previousTop: number,
  position: ScrollPosition,
  resume: boolean,
): boolean {
  if (atEnd(position)) return follow || resume;
  if (position.scrollTop < previousTop) return false;
  return follow;
}

/** What a key on the log does: go to the top, to the end, or nothing (the key is not ours). */
export function logKeyAction(key: string, shiftKey: boolean): 'top' | 'end' | null {
  if (key === 'Home' || (key === 'g' && !shiftKey)) return 'top';
  if (key === 'End' || key === 'G' || (key === 'g' && shiftKey)) return 'end';
  return null;
}
