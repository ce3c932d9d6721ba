// The worker that decodes the fleet's job lists off the main thread (see job-list-delta.ts).

import { JobListKeeper, type JobListReply, type JobListRequest } from './job-list-delta';

/** This worker's global scope, as far as it is used (the DOM typings name the window's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<JobListRequest>) => void) | null;
  postMessage: (message: { id: number; reply: JobListReply }) => void;
};

const keeper = new JobListKeeper();

scope.onmessage = (event) => {
  const { id, list, body, at, base } = event.data;
  let reply: JobListReply;
  try {
    reply = keeper.read(list, body, at, base);
  } catch (cause) {
    // Not an error of the answer's (those come back as one, from the keeper): reported as such.
    reply = {
      kind: 'error',
      error: { kind: 'bad-shape', ...at, issues: [`(root): could not be decoded (${String(cause)})`] },
    };
  }
  scope.postMessage({ id, reply });
};
