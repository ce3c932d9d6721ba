// The layout worker: runs dagre off the page's main thread for large graphs (see layout-client.ts).
import { answerLayoutRequest, type LayoutRequest } from './layout-protocol';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(answerLayoutRequest(event.data));
};
