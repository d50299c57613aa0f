import type { JobMessage, JobWorker } from '../features/import/anki/worker-client';

/** A worker that does nothing by itself: the test speaks for it with `say`. */
export function fakeWorker<Request, Message extends JobMessage>() {
  const worker = {
    onmessage: null as JobWorker<Request, Message>['onmessage'],
    onerror: null as JobWorker<Request, Message>['onerror'],
    posted: [] as Request[],
    isTerminated: false,
    postMessage(message: Request) {
      worker.posted.push(message);
    },
    terminate() {
      worker.isTerminated = true;
    },
    say(message: Message) {
      worker.onmessage?.({ data: message } as MessageEvent<Message>);
    },
    fail(message: string) {
      worker.onerror?.({ message } as ErrorEvent);
    },
  };
  return worker;
}
